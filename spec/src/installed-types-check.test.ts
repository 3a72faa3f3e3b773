import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkInstalledTypes } from './installed-types-check.js';
import { pinnedApiVersion, specFiles } from './spec-files.js';

const run = promisify(execFile);
const command = fileURLToPath(new URL('../bin/conversation-kit-spec.js', import.meta.url));
const sha256 = createHash('sha256')
  .update(await readFile(specFiles.effectiveJson, 'utf8'))
  .digest('hex');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'installed-types-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function installed(stamp: object | undefined): Promise<void> {
  const manifest = {
    name: '@conversation-kit/types',
    version: '1.2.3',
    ...(stamp ? { conversationKit: { spec: stamp } } : {}),
  };
  await writeFile(join(dir, 'package.json'), JSON.stringify(manifest));
}

async function check(): Promise<{ code: number; out: string }> {
  return run(process.execPath, [command, 'check', dir]).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
  );
}

describe('conversation-kit-spec check', () => {
  it('passes when the installed package was generated from this spec', async () => {
    await installed({ version: pinnedApiVersion, sha256 });
    expect(await check()).toEqual({ code: 0, out: expect.stringContaining('matches the spec') });
  });

  it('fails naming both specs when it was generated from another', async () => {
    await installed({ version: '2.11', sha256: 'f'.repeat(64) });
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      '@conversation-kit/types@1.2.3 was generated from spec 2.11 (sha256 ffffffffffff)',
    );
    expect(result.out).toContain(`holds ${pinnedApiVersion} (sha256 ${sha256.slice(0, 12)})`);
  });

  it('cannot tell for a package without a stamp, or no package at all', async () => {
    await installed(undefined);
    expect((await check()).code).toBe(2);
    expect((await checkInstalledTypes(dir, { version: pinnedApiVersion, sha256 })).status).toBe(
      'unstamped',
    );
    await rm(join(dir, 'package.json'));
    expect((await check()).code).toBe(2);
  });
});
