import { format, resolveConfig } from 'prettier';

/**
 * Formats generated source with the repository's prettier settings, so output is byte-for-byte
 * stable and passes the formatting check.
 *
 * @example
 * const text = await formatSource('export type A = 1', 'packages/types/src/generated/a.d.ts');
 */
export async function formatSource(text: string, filepath: string): Promise<string> {
  const config = await resolveConfig(filepath);
  return format(text, { ...config, filepath });
}
