import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consumerTestsDir, packResult } from './support/packages.js';
import { consumerEnv, killAll, run, runOk } from './support/run.js';

// How a release versions the packages: in a clone of the repository's committed state, one
// changeset (a patch of @conversation-kit/types) and `changeset version`.

const { root } = inject('installed');

const PACKAGE_DIRS = {
  '@conversation-kit/spec': 'spec',
  '@conversation-kit/types': 'packages/types',
  '@conversation-kit/fetch': 'packages/fetch',
  '@conversation-kit/conversations': 'packages/conversations',
  '@conversation-kit/testing': 'packages/testing',
  '@conversation-kit/codegen': 'packages/codegen',
} as const;
type Name = keyof typeof PACKAGE_DIRS;
const DEPENDENTS = [
  '@conversation-kit/fetch',
  '@conversation-kit/conversations',
  '@conversation-kit/testing',
] as const;

const SUMMARY = "Document the snooze request's `snoozed_until` as Unix seconds.";

interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
}

let clone: string;
const before = {} as Record<Name, Manifest>;
const after = {} as Record<Name, Manifest>;
/** The dependencies of each dependent as `pnpm pack` publishes them after versioning. */
const packed = {} as Record<(typeof DEPENDENTS)[number], Manifest>;

async function manifest(name: Name): Promise<Manifest> {
  return JSON.parse(await readFile(join(clone, PACKAGE_DIRS[name], 'package.json'), 'utf8'));
}

function patchOf(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  return `${major}.${minor}.${patch! + 1}`;
}

beforeAll(async () => {
  const { stdout } = await runOk('git', ['-C', consumerTestsDir, 'rev-parse', '--show-toplevel'], {
    cwd: consumerTestsDir,
  });
  clone = join(root, 'release-clone');
  await runOk('git', ['clone', '--quiet', stdout.trim(), clone], { cwd: root, timeoutMs: 120_000 });

  const env = consumerEnv({ CI: '1' });
  const offline = await run('pnpm', ['install', '--frozen-lockfile', '--offline'], {
    cwd: clone,
    env,
    timeoutMs: 240_000,
  });
  if (offline.code !== 0) {
    // Something the lockfile names is not in the local store yet.
    await runOk('pnpm', ['install', '--frozen-lockfile'], { cwd: clone, env, timeoutMs: 240_000 });
  }

  for (const name of Object.keys(PACKAGE_DIRS) as Name[]) before[name] = await manifest(name);

  // Only our changeset is pending.
  const changesets = join(clone, '.changeset');
  for (const file of await readdir(changesets)) {
    if (file.endsWith('.md') && file !== 'README.md') await rm(join(changesets, file));
  }
  await writeFile(
    join(changesets, 'types-snooze-docs.md'),
    `---\n'@conversation-kit/types': patch\n---\n\n${SUMMARY}\n`,
  );

  await runOk('npx', ['changeset', 'version'], { cwd: clone, env, timeoutMs: 120_000 });
  for (const name of Object.keys(PACKAGE_DIRS) as Name[]) after[name] = await manifest(name);

  const destination = join(root, 'release-tarballs');
  await mkdir(destination);
  for (const name of DEPENDENTS) {
    const result = await runOk('pnpm', ['pack', '--json', '--pack-destination', destination], {
      cwd: join(clone, PACKAGE_DIRS[name]),
      env,
      timeoutMs: 60_000,
    });
    const { filename } = packResult(result.stdout);
    const manifestText = await runOk('tar', ['-xzOf', filename, 'package/package.json'], {
      cwd: destination,
    });
    packed[name] = JSON.parse(manifestText.stdout) as Manifest;
  }
}, 300_000);

afterAll(killAll);

describe('changeset version with one patch changeset for @conversation-kit/types', () => {
  it('consumes the changeset', () => {
    expect(existsSync(join(clone, '.changeset', 'types-snooze-docs.md'))).toBe(false);
  });

  it('bumps @conversation-kit/types by a patch', () => {
    const { version } = before['@conversation-kit/types'];
    expect(after['@conversation-kit/types'].version).toBe(patchOf(version));
  });

  it('writes a CHANGELOG.md for @conversation-kit/types with the summary', async () => {
    const changelog = await readFile(join(clone, 'packages/types/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${after['@conversation-kit/types'].version}`);
    expect(changelog).toContain('### Patch Changes');
    expect(changelog).toContain(SUMMARY);
  });

  it.each(DEPENDENTS)('bumps the dependent %s by a patch', async (name) => {
    expect(after[name].version).toBe(patchOf(before[name].version));
    const changelog = await readFile(join(clone, PACKAGE_DIRS[name], 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('Updated dependencies');
    expect(changelog).toContain(
      `@conversation-kit/types@${after['@conversation-kit/types'].version}`,
    );
  });

  it.each(DEPENDENTS)('publishes %s with ranges on the new versions', (name) => {
    const types = after['@conversation-kit/types'].version;
    const dependencies = packed[name].dependencies!;
    expect(packed[name].version).toBe(after[name].version);
    expect(dependencies['@conversation-kit/types']).toBe(`^${types}`);
    // Ranges on our other packages follow their (possibly new) versions too.
    for (const [dependency, range] of Object.entries(dependencies)) {
      if (dependency.startsWith('@conversation-kit/')) {
        expect(range, dependency).toBe(`^${after[dependency as Name].version}`);
      }
    }
  });

  it('leaves @conversation-kit/spec, which depends on none of them, alone', () => {
    expect(after['@conversation-kit/spec'].version).toBe(before['@conversation-kit/spec'].version);
    expect(existsSync(join(clone, 'spec/CHANGELOG.md'))).toBe(false);
  });

  it('leaves the private codegen, which does not depend on types, alone', () => {
    expect(after['@conversation-kit/codegen'].version).toBe(
      before['@conversation-kit/codegen'].version,
    );
  });
});
