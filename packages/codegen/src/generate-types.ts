import openapiTS, { astToString } from 'openapi-typescript';
import type { EffectiveSpec } from './effective-spec.js';
import { generatedHeader } from './generated-header.js';
import { listOperations } from './operations.js';
import { tsdoc } from './tsdoc.js';
import { pascalCase, typeAliasName } from './type-alias-name.js';

const TYPES_PACKAGE = '@conversation-kit/types';

/**
 * Generates the types package's files: openapi-typescript's `paths`, `components` and
 * `operations` in `openapi.d.ts`, and a PascalCase alias per component schema and per operation
 * request and success response in `schemas.d.ts`. Returns unformatted text keyed by file name.
 *
 * @example
 * const files = await generateTypes(await loadEffectiveSpec());
 * files['schemas.d.ts']; // 'export type Conversation = components["schemas"]["conversation"]; …'
 */
export async function generateTypes(spec: EffectiveSpec): Promise<Record<string, string>> {
  const ast = await openapiTS(structuredClone(spec.document) as never, {
    alphabetize: false,
    defaultNonNullable: true,
    exportType: false,
  });
  return {
    'openapi.d.ts': generatedHeader(spec) + astToString(ast),
    'schemas.d.ts': generatedHeader(spec) + schemaAliases(spec.document),
  };
}

function schemaAliases(document: Record<string, unknown>): string {
  const components = (document['components'] ?? {}) as Record<string, unknown>;
  const schemas = (components['schemas'] ?? {}) as Record<string, Record<string, unknown>>;
  const declarations: string[] = [`import type { components, operations } from './openapi.js';`];
  const taken = new Map<string, string>();

  const declare = (name: string, origin: string, summary: string, type: string): void => {
    const clash = taken.get(name);
    if (clash) throw new Error(`${origin} and ${clash} would both be named ${name}`);
    taken.set(name, origin);
    const example = `import type { ${name} } from '${TYPES_PACKAGE}';`;
    declarations.push(`${tsdoc(summary, example)}\nexport type ${name} = ${type};`);
  };

  for (const [schemaName, schema] of Object.entries(schemas)) {
    const summary = describe(schema) ?? `The \`${schemaName}\` schema.`;
    declare(
      typeAliasName(schemaName),
      `schema ${schemaName}`,
      summary,
      `components['schemas'][${JSON.stringify(schemaName)}]`,
    );
  }

  for (const operation of listOperations(document)) {
    const base = pascalCase(operation.operationId);
    const id = JSON.stringify(operation.operationId);
    if (operation.hasRequestBody) {
      declare(
        `${base}Request`,
        `${operation.operationId} request body`,
        `The JSON request body of \`${operation.method.toUpperCase()} ${operation.path}\` (${operation.summary}).`,
        `NonNullable<operations[${id}]['requestBody']>['content']['application/json']`,
      );
    }
    if (operation.successStatus) {
      declare(
        `${base}Response`,
        `${operation.operationId} response`,
        `The JSON body of a ${operation.successStatus} response to \`${operation.method.toUpperCase()} ${operation.path}\` (${operation.summary}).`,
        `operations[${id}]['responses'][${operation.successStatus}]['content']['application/json']`,
      );
    }
  }
  return `${declarations.join('\n\n')}\n`;
}

function describe(schema: Record<string, unknown>): string | undefined {
  const text = schema['description'] ?? schema['title'];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
