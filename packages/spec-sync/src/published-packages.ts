import type { RuleName } from '@conversation-kit/codegen';

/**
 * A published package, as the sync classifies a spec change for it.
 *
 * @example
 * const spec: PublishedPackage = { name: '@conversation-kit/spec', directory: 'spec', rules: ['api-version'] };
 */
export interface PublishedPackage {
  name: string;
  /** Its directory, relative to the repository root. */
  directory: string;
  /**
   * The module declaring its public API, relative to its directory; none for a package whose
   * declarations do not carry the API's types (the spec itself, the command line).
   */
  entry?: string;
  /** What the generator writes into its `src/generated/`, if anything. */
  generates?: 'types' | 'fetch';
  /** The explicit rules its release follows, for what its declarations do not show. */
  rules: readonly RuleName[];
}

/**
 * The published packages a spec change can call for a release of, in release-note order, with
 * what decides their bump besides their declarations:
 * - every package moves with the API version;
 * - `fetch` calls the API: the default `Intercom-Version`, the servers and the paths are its own;
 * - `conversations` sends the default version to the servers, but its path is internal: an
 *   operation that moves changes nothing it promises;
 * - `spec` gets a patch whenever the document's text changed, and `testing` follows its own
 *   declarations (its fake serves whatever spec is installed beside it), and so does `redis`,
 *   which keeps the wrapper's rate-limit budget;
 * - `cli` declares nothing, but sends the default version to the servers, as the wrapper it
 *   drives does.
 *
 * @example
 * PUBLISHED_PACKAGES.map(({ name }) => name); // ['@conversation-kit/spec', '@conversation-kit/types', …]
 */
export const PUBLISHED_PACKAGES: readonly PublishedPackage[] = [
  { name: '@conversation-kit/spec', directory: 'spec', rules: ['api-version'] },
  {
    name: '@conversation-kit/types',
    directory: 'packages/types',
    entry: 'src/index.d.ts',
    generates: 'types',
    rules: ['api-version'],
  },
  {
    name: '@conversation-kit/fetch',
    directory: 'packages/fetch',
    entry: 'src/index.ts',
    generates: 'fetch',
    rules: ['api-version', 'intercom-version', 'servers', 'path'],
  },
  {
    name: '@conversation-kit/conversations',
    directory: 'packages/conversations',
    entry: 'src/index.ts',
    rules: ['api-version', 'intercom-version', 'servers'],
  },
  {
    name: '@conversation-kit/redis',
    directory: 'packages/redis',
    entry: 'src/index.ts',
    rules: ['api-version'],
  },
  {
    name: '@conversation-kit/testing',
    directory: 'packages/testing',
    entry: 'src/index.ts',
    rules: ['api-version'],
  },
  {
    name: '@conversation-kit/cli',
    directory: 'packages/cli',
    rules: ['api-version', 'intercom-version', 'servers'],
  },
];
