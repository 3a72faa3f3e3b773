import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { collectExamples } from './collect-examples.js';
import { componentSchemaUri, toJsonSchema } from './json-schema-from-openapi.js';

/** An example that does not satisfy its own schema. */
export interface InvalidExample {
  /** JSON Pointer of the example value in the document. */
  pointer: string;
  /** What the validator said, one line per problem, each naming the place inside the example. */
  problems: string[];
}

/** The outcome of checking every example of a document. */
export interface ExampleReport {
  checked: number;
  invalid: InvalidExample[];
}

/**
 * Validates every example in an OpenAPI 3.0 document against the schema it sits beside, with
 * OpenAPI 3.0 semantics (`nullable`, `$ref` siblings ignored) and formats checked.
 *
 * @example
 * const report = validateExamples(effectiveDocument);
 * if (report.invalid.length > 0) process.exitCode = 1;
 */
export function validateExamples(document: Record<string, unknown>): ExampleReport {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats.default(ajv);

  const components = (document['components'] ?? {}) as Record<string, unknown>;
  const schemas = (components['schemas'] ?? {}) as Record<string, unknown>;
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(toJsonSchema(schema) as object, componentSchemaUri(name));
  }

  const examples = collectExamples(document);
  const invalid: InvalidExample[] = [];
  for (const example of examples) {
    const validate = ajv.compile(toJsonSchema(example.schema) as object);
    if (!validate(example.value)) {
      invalid.push({ pointer: example.pointer, problems: describe(validate.errors ?? []) });
    }
  }
  return { checked: examples.length, invalid };
}

function describe(errors: ErrorObject[]): string[] {
  return errors.map(
    (error) => `${error.instancePath || '(the example)'} ${error.message ?? 'is invalid'}`,
  );
}
