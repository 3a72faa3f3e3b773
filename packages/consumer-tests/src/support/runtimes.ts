import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consumerEnv, run, runOk } from './run.js';

/** A runtime binary ready to run, or why there is none. */
export type Runtime = { ok: true; binary: string; version: string } | { ok: false; reason: string };

/**
 * Moves a freshly prepared folder into its cache place, unless another run got there first.
 * `rename` is atomic, so a cache folder is always complete.
 */
async function publish(prepared: string, cache: string): Promise<void> {
  try {
    await rename(prepared, cache);
  } catch (error) {
    if (!existsSync(cache)) throw error;
  } finally {
    await rm(prepared, { recursive: true, force: true });
  }
}

async function versionOf(binary: string): Promise<string> {
  const { stdout } = await runOk(binary, ['--version'], { cwd: tmpdir(), timeoutMs: 30_000 });
  return stdout.trim();
}

/**
 * A Node.js binary of an exact version, from the npm package `node-<platform>-<arch>` (packed with
 * `npm pack`, its `package/bin/node` extracted), cached in `<tmp>/conversation-kit-node-<version>`
 * so reruns skip the download. Nothing is added to any package.json.
 *
 * @example
 * const node = await nodeBinary('22.23.3');
 * if (node.ok) await run(node.binary, ['smoke.mjs'], { cwd });
 */
export async function nodeBinary(version: string): Promise<Runtime> {
  if (process.platform !== 'linux' && process.platform !== 'darwin') {
    return { ok: false, reason: `no node-<platform> npm package is used for ${process.platform}` };
  }
  const cache = join(tmpdir(), `conversation-kit-node-${version}`);
  const binary = join(cache, 'node');
  try {
    if (!existsSync(binary)) {
      const prepared = await mkdtemp(join(tmpdir(), `conversation-kit-node-${version}-preparing-`));
      try {
        const spec = `node-${process.platform}-${process.arch}@${version}`;
        const { stdout } = await runOk(
          'npm',
          ['pack', spec, '--json', '--pack-destination', prepared],
          { cwd: prepared, env: consumerEnv(), timeoutMs: 240_000 },
        );
        const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
        await runOk('tar', ['-xzf', join(prepared, packed!.filename), 'package/bin/node'], {
          cwd: prepared,
          timeoutMs: 120_000,
        });
        const ready = await mkdtemp(join(tmpdir(), `conversation-kit-node-${version}-ready-`));
        await rename(join(prepared, 'package/bin/node'), join(ready, 'node'));
        await publish(ready, cache);
      } finally {
        await rm(prepared, { recursive: true, force: true });
      }
    }
    return { ok: true, binary, version: await versionOf(binary) };
  } catch (error) {
    return { ok: false, reason: `Node ${version} could not be installed: ${String(error)}` };
  }
}

/** Runtimes run from their npm packages, each with arguments that print something and exit. */
const PROBES = {
  bun: ['--version'],
  deno: ['--version'],
  workerd: ['--version'],
  // edge-runtime has no --version: without a script it starts a REPL.
  'edge-runtime': ['--help'],
} as const;

/**
 * A runtime from its npm package: Bun, Deno and workerd ship their binaries in platform-specific
 * optional dependencies, edge-runtime is a Node.js program. Installed with npm into
 * `<tmp>/conversation-kit-<name>-<version>` and reused by later runs; `version` is the one npm
 * installed. Resolves to why not when it cannot be installed or does not run here.
 *
 * @example
 * const bun = await npmRuntime('bun', '1.4.5');
 */
export async function npmRuntime(name: keyof typeof PROBES, version: string): Promise<Runtime> {
  const cache = join(tmpdir(), `conversation-kit-${name}-${version}`);
  const binary = join(cache, 'node_modules', '.bin', name);
  try {
    if (!existsSync(binary)) {
      const prepared = await mkdtemp(join(tmpdir(), `conversation-kit-${name}-${version}-ready-`));
      await writeFile(join(prepared, 'package.json'), '{ "private": true }\n');
      await mkdir(join(prepared, 'node_modules'), { recursive: true });
      const installed = await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--save-exact', `${name}@${version}`],
        { cwd: prepared, env: consumerEnv(), timeoutMs: 240_000 },
      );
      if (installed.code !== 0) {
        await rm(prepared, { recursive: true, force: true });
        return {
          ok: false,
          reason: `npm install ${name}@${version} failed here: ${installed.stderr.trim().split('\n').slice(-3).join(' / ')}`,
        };
      }
      await publish(prepared, cache);
    }
  } catch (error) {
    return { ok: false, reason: `${name} ${version} could not be installed: ${String(error)}` };
  }
  const probe = await run(binary, PROBES[name], { cwd: tmpdir(), timeoutMs: 30_000 }).catch(
    (error: unknown) => ({ code: -1, stdout: '', stderr: String(error) }),
  );
  if (probe.code !== 0) {
    return {
      ok: false,
      reason: `${name} ${version} installed from npm but does not run on ${process.platform}-${process.arch}: ${probe.stderr.trim() || `exit ${probe.code}`}`,
    };
  }
  const manifest = JSON.parse(
    await readFile(join(cache, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { version: string };
  return { ok: true, binary, version: manifest.version };
}
