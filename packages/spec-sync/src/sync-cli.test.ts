import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedApiVersion } from './spec-layout.js';
import {
  realFilesFingerprint,
  realSpecDirectory,
  repositoryRoot,
} from './test-support/workspace.js';

// The CLI works on the real spec files, so every run here changes nothing: a dry run, a refusal,
// or the file the fragment came from.
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(packageDirectory, 'node_modules/.bin/tsx');
const pinned = await pinnedApiVersion(realSpecDirectory);
const other = (await readdir(join(packageDirectory, 'test-fixtures/upstream')))
  .map((name) => /^intercom-(\d+\.\d+)\.yaml$/.exec(name)?.[1])
  .find((version) => version !== undefined && version !== pinned)!;

const run = async (args: string[], env: Record<string, string> = {}) => {
  const environment = { ...process.env, ...env };
  if (!('INIT_CWD' in env)) delete environment['INIT_CWD'];
  return promisify(execFile)(tsx, ['src/cli.ts', ...args], {
    cwd: packageDirectory,
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

describe('pnpm spec:sync', () => {
  it('says "no changes" and exits 0 for the file the fragment came from', async () => {
    const { code, stdout } = await run([`test-fixtures/upstream/intercom-${pinned}.yaml`]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      `No changes: ../../spec/openapi/${pinned}/manage-conversation.yaml already holds what test-fixtures/upstream/intercom-${pinned}.yaml describes.`,
    );
  });

  it('takes a relative path from where pnpm was invoked', async () => {
    const { code, stdout } = await run(
      [`packages/spec-sync/test-fixtures/upstream/intercom-${pinned}.yaml`],
      { INIT_CWD: repositoryRoot },
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`No changes: spec/openapi/${pinned}/manage-conversation.yaml`);
  });

  it('refuses another API version with exit 2, naming both and how to move', async () => {
    const file = `test-fixtures/upstream/intercom-${other}.yaml`;
    const { code, stderr } = await run([file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        `Refused ${file}: the document describes Intercom API ${other}, but the packages are pinned to ${pinned}.`,
        `To move every package from ${pinned} to ${other}, run: pnpm spec:sync ${file} --api-version ${other}`,
        'Nothing was written: the fragment and the changesets are as they were.',
        '',
      ].join('\n'),
    );
    const swagger = await run(['test-fixtures/upstream/swagger-2.yaml']);
    expect(swagger.code).toBe(2);
    expect(swagger.stderr).toContain('Swagger 2.0');
  });

  it('reports the move a flag asks for, in a dry run', async () => {
    const file = `test-fixtures/upstream/intercom-${other}.yaml`;
    const { code, stdout } = await run([file, '--api-version', other, '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Synced from ${file} (dry run: nothing written)`);
    expect(stdout).toContain(`API version: ${pinned} → ${other} (moved)`);
    expect(stdout).toContain(`  api-version: API version ${pinned} → ${other} (major)`);
    expect(stdout).toMatch(
      /Changeset \.\.\/\.\.\/\.changeset\/spec-sync-[0-9a-f]{8}\.md: would be written/,
    );
  });

  it('explains its usage', async () => {
    const { code, stderr } = await run(['--force']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Usage: pnpm --filter @conversation-kit/spec-sync sync <path-or-url> [--dry-run] [--api-version X.Y]',
    );
  });
});
