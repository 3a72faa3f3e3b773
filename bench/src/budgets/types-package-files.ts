import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { tarEntries } from './tar-entries.js';

// Under `pnpm run`, npm_execpath is the running pnpm; elsewhere, the one on the PATH.
function pnpmCommand(): [string, string[]] {
  const execPath = process.env['npm_execpath'];
  return execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
}

/**
 * The files `@conversation-kit/types` would publish: packed with `pnpm pack` (which runs its
 * prepack, as a release does) into a temporary directory, then listed.
 *
 * @example
 * (await typesPackageFiles()).filter((file) => file.endsWith('.js')); // [] when it ships no JS
 */
export async function typesPackageFiles(): Promise<string[]> {
  const manifest = createRequire(import.meta.url).resolve('@conversation-kit/types/package.json');
  const packageDir = dirname(await realpath(manifest));
  const destination = await mkdtemp(join(tmpdir(), 'bench-pack-'));
  try {
    const [command, prefix] = pnpmCommand();
    await promisify(execFile)(command, [...prefix, 'pack', '--pack-destination', destination], {
      cwd: packageDir,
      timeout: 120_000,
    });
    const tarball = (await readdir(destination)).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${packageDir}`);
    return tarEntries(await readFile(join(destination, tarball)));
  } finally {
    await rm(destination, { recursive: true, force: true });
  }
}
