import type { EffectiveSpec } from './effective-spec.js';
import { generatedHeader } from './generated-header.js';
import { typeAliases } from './type-aliases.js';

const TYPES_PACKAGE = '@conversation-kit/types';
const FETCH_PACKAGE = '@conversation-kit/fetch';

/**
 * Generates the consumer's type-level checks of every alias the types package declares: each
 * alias is exactly the openapi-typescript type it names, and the fetch package re-exports it
 * unchanged. The consumer tests compile the file against the installed packages, beside their
 * hand-written `all-exports.ts`, so the checks follow the spec's schemas wherever it moves.
 * Returns unformatted text keyed by file name.
 *
 * @example
 * const files = generateAliasChecks(await loadEffectiveSpec());
 * files['type-aliases.ts']; // '… Expect<Equal<Types.Conversation, components["schemas"]["conversation"]>>, …'
 */
export function generateAliasChecks(spec: EffectiveSpec): Record<string, string> {
  const aliases = typeAliases(spec.document);
  const declared = aliases.map((alias) => `Expect<Equal<Types.${alias.name}, ${alias.type}>>,`);
  const reexported = aliases.map(
    (alias) => `Expect<Equal<FetchTypes.${alias.name}, Types.${alias.name}>>,`,
  );
  const body = [
    '',
    `// A consumer's checks of every alias ${TYPES_PACKAGE} declares, one per component schema`,
    '// and per operation body: the alias is the type it names, and the fetch package, which',
    '// re-exports every type of the types package, gives the same type under the same name.',
    '',
    `import type * as Types from '${TYPES_PACKAGE}';`,
    `import type { components, operations } from '${TYPES_PACKAGE}';`,
    `import type * as FetchTypes from '${FETCH_PACKAGE}';`,
    '',
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type Expect<T extends true> = T;',
    '',
    `/** Each alias of ${TYPES_PACKAGE} is the type it names. */`,
    'export type TypeAliasChecks = [',
    ...declared,
    '];',
    '',
    `/** ${FETCH_PACKAGE} re-exports each alias unchanged. */`,
    'export type FetchAliasChecks = [',
    ...reexported,
    '];',
    '',
  ];
  return { 'type-aliases.ts': generatedHeader(spec) + body.join('\n') };
}
