import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { findOperation } from '../document/find-operation.js';
import { componentSchemaUri, toJsonSchema } from './json-schema-from-openapi.js';

/** One way in which a value breaks its schema. */
export interface SchemaProblem {
  /** JSON Pointer of the offending place inside the value (`''` for the value itself). */
  path: string;
  /** The JSON Schema keyword that failed: `required`, `type`, `enum`, … */
  keyword: string;
  /** What is wrong, in words: `must be string`, `must have required property 'admin_id'`. */
  message: string;
  /** The property a `required` problem is about, so a caller can name the missing field. */
  missingProperty?: string;
}

/** Validates values against the schemas of one OpenAPI 3.0 document. */
export interface SchemaValidator {
  /** Problems of a value against any Schema Object of the document (none when valid). */
  validate(schema: unknown, value: unknown): SchemaProblem[];
  /** Problems of a value against `components.schemas[name]`. */
  validateComponent(name: string, value: unknown): SchemaProblem[];
  /** Problems of a JSON request body against an operation's request body schema. */
  validateRequestBody(operationId: string, body: unknown): SchemaProblem[];
  /** Problems of a JSON response body against an operation's response schema for a status. */
  validateResponseBody(
    operationId: string,
    status: number | string,
    body: unknown,
  ): SchemaProblem[];
}

type Json = Record<string, any>;

/**
 * Creates a validator for the schemas of an OpenAPI 3.0 document, with OpenAPI 3.0 semantics:
 * `nullable` honoured, siblings of `$ref` ignored. It judges types, required properties, enums
 * and nullability; `format` is an annotation, so an unknown or misapplied format never fails.
 *
 * @example
 * import { document } from '@conversation-kit/spec';
 * import { createSchemaValidator } from '@conversation-kit/spec/validator';
 *
 * const validator = createSchemaValidator(document);
 * validator.validateRequestBody('manageConversation', { message_type: 'open' });
 * // [{ path: '', keyword: 'required', message: "must have required property 'admin_id'", … }, …]
 */
export function createSchemaValidator(document: Json): SchemaValidator {
  // Formats are annotations, as OpenAPI lets a tool that does not know a format treat them: Intercom
  // writes `format: timestamp`, and `date-time` on integers, which no validator knows or could apply.
  // Strict about keywords, not about types: Intercom writes `properties` without `type: object`,
  // which JSON Schema reads the same way (the keyword applies to objects only).
  const ajv = new Ajv({
    strict: true,
    strictTypes: false,
    allErrors: true,
    allowUnionTypes: true,
    validateFormats: false,
  });
  const schemas: Json = document['components']?.['schemas'] ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(toJsonSchema(schema) as object, componentSchemaUri(name));
  }

  const compiled = new WeakMap<object, ValidateFunction>();
  const validate = (schema: unknown, value: unknown): SchemaProblem[] => {
    if (typeof schema !== 'object' || schema === null) {
      throw new TypeError('validate() needs a Schema Object of the document');
    }
    let check = compiled.get(schema);
    if (!check) {
      check = ajv.compile(toJsonSchema(schema) as object);
      compiled.set(schema, check);
    }
    return check(value) ? [] : (check.errors ?? []).map(toProblem);
  };

  const operation = (operationId: string): Json => findOperation(document, operationId).operation;

  return {
    validate,
    validateComponent(name, value) {
      const schema = schemas[name];
      if (schema === undefined) throw new Error(`The document has no schema "${name}"`);
      return validate(schema, value);
    },
    validateRequestBody(operationId, body) {
      const schema =
        operation(operationId)['requestBody']?.['content']?.['application/json']?.['schema'];
      if (schema === undefined) throw new Error(`${operationId} takes no JSON request body`);
      return validate(schema, body);
    },
    validateResponseBody(operationId, status, body) {
      const responses: Json = operation(operationId)['responses'] ?? {};
      const response = responses[String(status)] ?? responses['default'];
      const schema = response?.['content']?.['application/json']?.['schema'];
      if (schema === undefined) {
        throw new Error(`${operationId} declares no JSON response for status ${status}`);
      }
      return validate(schema, body);
    },
  };
}

/**
 * One line per problem, naming the place inside the value.
 *
 * @example
 * describeProblems(problems); // ['/admin_id must be string']
 */
export function describeProblems(problems: readonly SchemaProblem[]): string[] {
  return problems.map((problem) => `${problem.path || '(the value)'} ${problem.message}`);
}

function toProblem(error: ErrorObject): SchemaProblem {
  const problem: SchemaProblem = {
    path: error.instancePath,
    keyword: error.keyword,
    message: error.message ?? 'is invalid',
  };
  if (error.keyword === 'required') {
    problem.missingProperty = (error.params as { missingProperty: string }).missingProperty;
  }
  return problem;
}
