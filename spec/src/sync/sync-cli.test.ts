import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFilesFingerprint } from './test-support/workspace.js';

// The CLI works on the real spec files, so every run here is a dry run (or refused before writing).
const specDirectory = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(specDirectory, 'node_modules/.bin/tsx');

const run = async (args: string[], env: Record<string, string> = {}) => {
  const environment = { ...process.env, ...env };
  if (!('INIT_CWD' in env)) delete environment['INIT_CWD'];
  return promisify(execFile)(tsx, ['src/cli/sync.ts', ...args], {
    cwd: specDirectory,
    env: environment,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
};

let fingerprint: string;
beforeAll(async () => {
  fingerprint = await realFilesFingerprint();
});
afterAll(async () => {
  expect(await realFilesFingerprint()).toBe(fingerprint);
});

describe('pnpm sync', () => {
  it('prints the report of the acceptance fixture and exits 0', async () => {
    const { code, stdout } = await run(['test-fixtures/upstream/acceptance.yaml', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Synced from test-fixtures/upstream/acceptance.yaml (dry run: nothing written)',
    );
    expect(stdout).toContain(
      'Fragment openapi/2.12/manage-conversation.yaml: would be updated (+8 −0 lines)',
    );
    expect(stdout).toContain('Changes: 4');
    expect(stdout).toMatch(
      /Releases:\n {2}@conversation-kit\/spec: major\n {2}@conversation-kit\/types: major\n/,
    );
    expect(stdout).toMatch(
      /Changeset \.\.\/\.changeset\/spec-sync-[0-9a-f]{8}\.md: would be written/,
    );
  }, 30_000);

  it('takes a relative path from where pnpm was invoked', async () => {
    const { code, stdout } = await run(
      ['spec/test-fixtures/upstream/acceptance.yaml', '--dry-run'],
      {
        INIT_CWD: dirname(specDirectory.replace(/\/$/, '')),
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Changes: 4');
  }, 30_000);

  it('exits 1 on a missing correction and 2 on a refused upstream', async () => {
    const defects = await run(['test-fixtures/upstream/example-defects.yaml', '--dry-run']);
    expect(defects.code).toBe(1);
    expect(defects.stdout).toContain('A correction is missing');
    const refused = await run(['test-fixtures/upstream/swagger-2.yaml', '--dry-run']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Refused');
    expect(refused.stderr).toContain('Nothing was written');
  }, 30_000);

  it('explains its usage', async () => {
    const { code, stderr } = await run(['--force']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'usage: pnpm --filter @conversation-kit/spec sync <path-or-url> [--dry-run]',
    );
  }, 30_000);
});
