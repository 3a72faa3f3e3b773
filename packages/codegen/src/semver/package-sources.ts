import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

// Tests and their support files are no part of what consumers compile against.
const NOT_PUBLIC = /(\.test\.[cm]?ts|\.test-d\.ts)$/;
const NOT_PUBLIC_DIRECTORIES = new Set(['test-support', 'node_modules', 'generated']);

/**
 * The TypeScript sources of a package's `src/` folder as they are on disk, keyed by their path
 * relative to the package directory, without tests, test support and `src/generated/` (whose
 * contents the generator supplies for each version compared).
 *
 * @example
 * await packageSources('/repo/packages/fetch'); // { 'src/index.ts': '…', 'src/create-intercom-client.ts': '…' }
 */
export async function packageSources(directory: string): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!NOT_PUBLIC_DIRECTORIES.has(entry.name)) await visit(path);
      } else if (/\.[cm]?ts$/.test(entry.name) && !NOT_PUBLIC.test(entry.name)) {
        sources[relative(directory, path)] = await readFile(path, 'utf8');
      }
    }
  };
  await visit(join(directory, 'src'));
  return sources;
}
