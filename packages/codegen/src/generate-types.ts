import openapiTS, { astToString } from 'openapi-typescript';
import type { EffectiveSpec } from './effective-spec.js';
import { generatedHeader } from './generated-header.js';
import { tsdoc } from './tsdoc.js';
import { typeAliases } from './type-aliases.js';

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
  const declarations = typeAliases(spec.document).map(
    (alias) =>
      `${tsdoc(alias.summary, `import type { ${alias.name} } from '${TYPES_PACKAGE}';`)}\nexport type ${alias.name} = ${alias.type};`,
  );
  return {
    'openapi.d.ts': generatedHeader(spec) + astToString(ast),
    'schemas.d.ts':
      generatedHeader(spec) +
      [`import type { components, operations } from './openapi.js';`, ...declarations].join(
        '\n\n',
      ) +
      '\n',
  };
}
