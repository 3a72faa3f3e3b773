import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consumerTestsDir } from './support/packages.js';
import { consumerEnv, killAll, run, runOk, type RunResult } from './support/run.js';

// Intercom changes its spec: in a clone of the repository, the sync of an upstream fixture that
// adds an optional response field, adds an enum value and makes a request field required. The
// major request change must break the wrapper's type check until the wrapper is updated.

const { root } = inject('installed');
const FIXTURE = 'spec/test-fixtures/upstream/acceptance.yaml';
// Generation writes here (it only verifies under CI), as a maintainer's machine would.
const env = consumerEnv({ CI: '', TURBO_TELEMETRY_DISABLED: '1' });

let clone: string;
let firstSync: RunResult;
let changesetsAfterFirst: string[];
let fragmentAfterFirst: string;

async function changesets(): Promise<string[]> {
  return (await readdir(join(clone, '.changeset'))).filter((file) => file.startsWith('spec-sync-'));
}

function sync(): Promise<RunResult> {
  return run('pnpm', ['--filter', '@conversation-kit/spec', 'sync', join(clone, FIXTURE)], {
    cwd: clone,
    env,
    timeoutMs: 120_000,
  });
}

function typecheckWrapper(): Promise<RunResult> {
  return run(
    'pnpm',
    ['exec', 'turbo', 'run', 'typecheck', '--filter=@conversation-kit/conversations'],
    {
      cwd: clone,
      env,
      timeoutMs: 300_000,
    },
  );
}

beforeAll(async () => {
  const { stdout } = await runOk('git', ['-C', consumerTestsDir, 'rev-parse', '--show-toplevel'], {
    cwd: consumerTestsDir,
  });
  clone = join(root, 'sync-clone');
  await runOk('git', ['clone', '--quiet', stdout.trim(), clone], { cwd: root, timeoutMs: 120_000 });
  const offline = await run('pnpm', ['install', '--frozen-lockfile', '--offline'], {
    cwd: clone,
    env,
    timeoutMs: 240_000,
  });
  if (offline.code !== 0)
    await runOk('pnpm', ['install', '--frozen-lockfile'], { cwd: clone, env, timeoutMs: 240_000 });
  firstSync = await sync();
  changesetsAfterFirst = await changesets();
  fragmentAfterFirst = await readFile(
    join(clone, 'spec/openapi/2.12/manage-conversation.yaml'),
    'utf8',
  );
  await runOk('pnpm', ['exec', 'turbo', 'run', 'generate'], {
    cwd: clone,
    env,
    timeoutMs: 300_000,
  });
});

afterAll(killAll);

describe('pnpm spec:sync on an upstream change', () => {
  it('writes the new fragment and a changeset with the bumps the changes call for', async () => {
    expect(firstSync.code, firstSync.stderr).toBe(0);
    expect(fragmentAfterFirst).toContain('last_activity_at:');
    expect(fragmentAfterFirst).toMatch(/- urgent/);
    expect(changesetsAfterFirst).toHaveLength(1);
    const changeset = await readFile(join(clone, '.changeset', changesetsAfterFirst[0]!), 'utf8');
    expect(changeset).toMatch(/'@conversation-kit\/types': major/);
    expect(changeset).toContain('last_activity_at');
  });

  it('regenerates the types with the new fields', async () => {
    const types = await readFile(join(clone, 'packages/types/src/generated/openapi.d.ts'), 'utf8');
    expect(types).toContain('last_activity_at?: number | null;');
    expect(types).toContain("'urgent'");
  });

  it('changes nothing when run a second time', async () => {
    const again = await sync();
    expect(again.code, again.stderr).toBe(0);
    expect(await changesets()).toEqual(changesetsAfterFirst);
    expect(await readFile(join(clone, 'spec/openapi/2.12/manage-conversation.yaml'), 'utf8')).toBe(
      fragmentAfterFirst,
    );
  });

  it("fails the wrapper's type check until the wrapper sends the newly required field", async () => {
    const broken = await typecheckWrapper();
    expect(broken.code).not.toBe(0);
    expect(`${broken.stdout}${broken.stderr}`).toContain('action-request.ts');

    // The update a maintainer would make: every assignment now carries a body.
    const file = join(clone, 'packages/conversations/src/action-request.ts');
    const source = await readFile(file, 'utf8');
    const [head, assign] = source.split("case 'assign'");
    expect(assign).toBeDefined();
    const updated =
      head +
      "case 'assign'" +
      assign!
        .replace('...(message === undefined ? {} : { body: message }),', "body: message ?? '',")
        .replace("assignee_id: '0' }", "assignee_id: '0', body: '' }");
    expect(updated).not.toBe(source);
    await writeFile(file, updated);
    const fixed = await typecheckWrapper();
    expect(fixed.code, `${fixed.stdout}${fixed.stderr}`).toBe(0);
  });
});
