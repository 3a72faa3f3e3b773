import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user gets it: packed, then installed with npm into a project outside the
// workspace, then type-checked and bundled there.

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const CONSUMER = `import type { Conversation, ManageConversationRequest } from '@conversation-kit/types';

export const snooze: ManageConversationRequest = {
  message_type: 'snoozed',
  admin_id: '991267',
  snoozed_until: 1767225600,
};

export function stateOf(conversation: Conversation): 'open' | 'closed' | 'snoozed' {
  return conversation.state;
}
`;

let project: string;
let tarballFiles: string[];

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'types-consumer-'));
  await run('pnpm', ['pack', '--pack-destination', project], { cwd: packageDir });
  const tarball = (await readdir(project)).find((name) => name.endsWith('.tgz'))!;
  const { stdout } = await run('tar', ['-tzf', join(project, tarball)]);
  tarballFiles = stdout.trim().split('\n');
  await writeFile(join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], {
    cwd: project,
  });
}, 120_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

async function typecheck(file: string, module: string, moduleResolution: string) {
  const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', 'false'];
  args.push('--module', module, '--moduleResolution', moduleResolution, file);
  return run(process.execPath, args, { cwd: project }).then(
    () => ({ code: 0, output: '' }),
    (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
  );
}

describe('@conversation-kit/types from its tarball', () => {
  it('ships declarations only and no dependencies', async () => {
    expect(tarballFiles.filter((file) => /\.[cm]?js$/.test(file))).toEqual([]);
    expect(tarballFiles).toContain('package/src/index.d.ts');
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules/@conversation-kit/types/package.json'), 'utf8'),
    );
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(await readdir(join(project, 'node_modules'))).toEqual([
      '.package-lock.json',
      '@conversation-kit',
    ]);
  });

  it.each([
    ['consumer.ts', 'node16', 'node16'],
    ['consumer.mts', 'node16', 'node16'],
    ['consumer.ts', 'nodenext', 'nodenext'],
    ['consumer.mts', 'nodenext', 'nodenext'],
    ['consumer.ts', 'esnext', 'bundler'],
  ])('type-checks %s with module %s and moduleResolution %s', async (file, module, resolution) => {
    await writeFile(join(project, file), CONSUMER);
    expect(await typecheck(file, module, resolution)).toEqual({ code: 0, output: '' });
  });

  it('reports a wrong request through the installed types', async () => {
    await writeFile(
      join(project, 'wrong.ts'),
      CONSUMER.replace('snoozed_until: 1767225600,\n', ''),
    );
    const result = await typecheck('wrong.ts', 'nodenext', 'nodenext');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Property 'snoozed_until' is missing");
  });

  it('leaves nothing of itself in a bundle', async () => {
    await writeFile(join(project, 'consumer.ts'), CONSUMER);
    const result = await build({
      entryPoints: [join(project, 'consumer.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      absWorkingDir: project,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0]!.text;
    expect(output).toContain('991267');
    expect(output).not.toContain('conversation-kit');
  });
});
