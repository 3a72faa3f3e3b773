import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixturesDir } from './packages.js';

/**
 * Creates a folder inside the installed consumer project, with its own package.json, and copies
 * fixture files into it. Being inside the project, it resolves packages from the project's
 * node_modules, as any subfolder of a user's project would.
 *
 * @example
 * const esm = await subproject(consumer, 'esm-project', { type: 'module' }, ['smoke.mjs']);
 */
export async function subproject(
  consumer: string,
  name: string,
  manifest: Record<string, unknown>,
  fixtures: readonly string[],
): Promise<string> {
  const dir = join(consumer, name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, ...manifest }, null, 2)}\n`,
  );
  for (const fixture of fixtures) await copyFile(join(fixturesDir, fixture), join(dir, fixture));
  return dir;
}
