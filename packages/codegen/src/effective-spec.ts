import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The effective document the generator reads, with what the generated headers say of it.
 *
 * @example
 * const { document, source, sha256 }: EffectiveSpec = await loadEffectiveSpec();
 */
export interface EffectiveSpec {
  document: Record<string, unknown>;
  /** How the generated headers name the input. */
  source: string;
  /** SHA-256 of the input file's bytes. */
  sha256: string;
}

const require = createRequire(import.meta.url);

/**
 * The module name of the effective document `@conversation-kit/spec` publishes for an API version.
 *
 * @example
 * effectiveSpecModule('2.12'); // '@conversation-kit/spec/effective/2.12/manage-conversation.json'
 */
export function effectiveSpecModule(apiVersion: string): string {
  return `@conversation-kit/spec/effective/${apiVersion}/manage-conversation.json`;
}

/**
 * The API version the installed `@conversation-kit/spec` is pinned to (`conversationKit.apiVersion`).
 *
 * @example
 * PINNED_API_VERSION; // '2.12'
 */
export const PINNED_API_VERSION: string = (
  require('@conversation-kit/spec/package.json') as { conversationKit: { apiVersion: string } }
).conversationKit.apiVersion;

/**
 * The effective document as `@conversation-kit/spec` publishes it, for the version it is pinned to.
 *
 * @example
 * DEFAULT_SPEC; // '@conversation-kit/spec/effective/2.12/manage-conversation.json'
 */
export const DEFAULT_SPEC = effectiveSpecModule(PINNED_API_VERSION);

/**
 * Reads the effective OpenAPI document (JSON), by default from the installed spec package.
 *
 * @example
 * const spec = await loadEffectiveSpec();
 * const custom = await loadEffectiveSpec('./fixtures/changed.json');
 */
export async function loadEffectiveSpec(path?: string): Promise<EffectiveSpec> {
  const file = path ?? require.resolve(DEFAULT_SPEC);
  const text = await readFile(file, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file} is not JSON: the generator reads the effective document as JSON`, {
      cause,
    });
  }
  if (typeof document !== 'object' || document === null || !('openapi' in document)) {
    throw new Error(`${file} is not an OpenAPI document: it has no "openapi" field`);
  }
  return {
    document: document as Record<string, unknown>,
    source: path ?? DEFAULT_SPEC,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}
