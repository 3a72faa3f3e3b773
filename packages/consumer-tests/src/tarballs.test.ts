import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { consumerTestsDir, PUBLISHED } from './support/packages.js';
import { consumerEnv, killAll, runOk } from './support/run.js';

// What npm installed from the tarballs: the packages' manifests as published, their files, and
// how npm satisfied our packages' ranges on one another.

const { consumer } = inject('installed');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  module?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

async function installedManifest(name: string): Promise<Manifest> {
  return JSON.parse(
    await readFile(join(consumer, 'node_modules', name, 'package.json'), 'utf8'),
  ) as Manifest;
}

/** Every file path an exports map points to, with the subpath and conditions leading to it. */
function exportTargets(exports: unknown, trail = ''): Array<{ trail: string; target: string }> {
  if (typeof exports === 'string') return [{ trail, target: exports }];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) =>
    exportTargets(value, trail ? `${trail} > ${key}` : key),
  );
}

afterAll(killAll);

describe('the tarballs', () => {
  it('cover every package of the workspace that is not private', async () => {
    const { stdout } = await runOk('pnpm', ['ls', '-r', '--depth', '-1', '--json'], {
      cwd: consumerTestsDir,
      env: consumerEnv(),
    });
    const workspace = JSON.parse(stdout) as Array<{ name: string; private?: boolean }>;
    const published = workspace.filter((entry) => entry.private !== true).map((e) => e.name);
    expect(published.sort()).toEqual([...PUBLISHED].sort());
  });

  it.each(PUBLISHED)(
    '%s names our other packages by a real range, never workspace:',
    async (name) => {
      const manifest = await installedManifest(name);
      const ranges = {
        ...manifest.dependencies,
        ...manifest.peerDependencies,
        ...manifest.optionalDependencies,
      };
      for (const [dependency, range] of Object.entries(ranges)) {
        expect(range, `${name} → ${dependency}`).not.toMatch(/^workspace:/);
        if (dependency.startsWith('@conversation-kit/')) {
          const { version } = await installedManifest(dependency);
          expect(range, `${name} → ${dependency}`).toBe(`^${version}`);
        }
      }
    },
  );

  it('are what npm installed for all of our packages: none came from the registry', async () => {
    const lock = JSON.parse(await readFile(join(consumer, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string; version?: string }>;
    };
    const ours = Object.entries(lock.packages).filter(([path]) =>
      /(^|\/)node_modules\/@conversation-kit\//.test(path),
    );
    // One copy of each, at the top level, from its tarball.
    expect(ours.map(([path]) => path).sort()).toEqual(
      PUBLISHED.map((name) => `node_modules/${name}`).sort(),
    );
    for (const [path, entry] of ours) {
      expect(entry.resolved, path).toMatch(/^file:.*\.tgz$/);
    }
  });

  it.each(PUBLISHED)('%s holds every file its manifest points to', async (name) => {
    const manifest = await installedManifest(name);
    const dir = join(consumer, 'node_modules', name);
    const targets = [
      ...exportTargets(manifest.exports),
      ...[manifest.main, manifest.module, manifest.types]
        .filter((file) => file !== undefined)
        .map((target) => ({ trail: 'main/module/types', target: target! })),
      ...Object.entries(manifest.bin ?? {}).map(([bin, target]) => ({
        trail: `bin ${bin}`,
        target,
      })),
    ];
    expect(targets.length).toBeGreaterThan(1);
    const missing = targets.filter(({ target }) => !existsSync(join(dir, target)));
    expect(missing).toEqual([]);
  });
});
