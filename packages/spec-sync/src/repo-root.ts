import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The repository root above a directory: the nearest ancestor holding `.changeset/config.json`.
 *
 * @example
 * await repositoryRoot(fileURLToPath(new URL('.', import.meta.url))); // '/work/main'
 */
export async function repositoryRoot(from: string): Promise<string> {
  for (let directory = from; ; directory = dirname(directory)) {
    try {
      await access(join(directory, '.changeset', 'config.json'));
      return directory;
    } catch {
      if (dirname(directory) === directory) {
        throw new Error(`no .changeset/config.json in ${from} or any directory above it`);
      }
    }
  }
}
