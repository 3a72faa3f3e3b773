import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEffectiveSpec, PINNED_API_VERSION } from './effective-spec.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = promisify(execFile);

async function codegen(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd, env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The CLI checks instead of writing under CI; these tests choose the mode with flags.
const childEnv = { ...process.env, CI: '' };

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'codegen-cli-'));
  const { document } = await loadEffectiveSpec();
  await writeFile(join(work, 'spec.json'), JSON.stringify(document));
  await writeFile(join(work, 'package.json'), '{ "name": "generated-package" }\n');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the codegen CLI', () => {
  it('passes --check right after generating', async () => {
    for (const target of ['types', 'fetch', 'alias-checks']) {
      expect((await codegen(work, target, '--spec', 'spec.json', '--out', target)).code).toBe(0);
      const check = await codegen(work, target, '--spec', 'spec.json', '--out', target, '--check');
      expect(check.code, check.stderr).toBe(0);
    }
  });

  it('stamps package.json with the spec it generated from, and checks the stamp', async () => {
    await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out');
    const spec = await loadEffectiveSpec(join(work, 'spec.json'));
    const manifest = JSON.parse(await readFile(join(work, 'package.json'), 'utf8'));
    expect(manifest).toEqual({
      name: 'generated-package',
      conversationKit: { spec: { version: PINNED_API_VERSION, sha256: spec.sha256 } },
    });
    await writeFile(join(work, 'package.json'), '{ "name": "generated-package" }\n');
    const check = await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('package.json');
  });

  it('writes the alias checks with their README, and stamps no package.json with them', async () => {
    const written = await codegen(work, 'alias-checks', '--spec', 'spec.json', '--out', 'out');
    expect(written.code, written.stderr).toBe(0);
    expect(await readFile(join(work, 'out', 'type-aliases.ts'), 'utf8')).toContain(
      'Expect<Equal<Types.Conversation, ',
    );
    expect(await readFile(join(work, 'out', 'README.md'), 'utf8')).toContain('do not edit');
    expect(await readFile(join(work, 'package.json'), 'utf8')).toBe(
      '{ "name": "generated-package" }\n',
    );
    const file = join(work, 'out', 'type-aliases.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^.*Types\.Tag\b.*\n/m, ''));
    const check = await codegen(
      work,
      'alias-checks',
      '--spec',
      'spec.json',
      '--out',
      'out',
      '--check',
    );
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(join('out', 'type-aliases.ts'));
  });

  it('fails --check naming a hand-edited file', async () => {
    await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out');
    const file = join(work, 'out', 'schemas.d.ts');
    await writeFile(file, `${await readFile(file, 'utf8')}export type Extra = 1;\n`);
    const check = await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(join('out', 'schemas.d.ts'));
    expect(check.stderr).not.toContain('openapi.d.ts');
  });

  it('fails --check naming the drifted files when the spec changed', async () => {
    await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out');
    const document = JSON.parse(await readFile(join(work, 'spec.json'), 'utf8'));
    document.components.schemas.conversation.properties.read.type = 'string';
    await writeFile(join(work, 'spec.json'), JSON.stringify(document));
    const check = await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(join('out', 'openapi.d.ts'));
  });

  it('fails --check on a file the generator would not write', async () => {
    await codegen(work, 'fetch', '--spec', 'spec.json', '--out', 'out');
    await writeFile(join(work, 'out', 'patch.ts'), 'export {};\n');
    const check = await codegen(work, 'fetch', '--spec', 'spec.json', '--out', 'out', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(join('out', 'patch.ts'));
  });

  it('checks instead of writing under CI, unless told to write', async () => {
    const first = await codegen(work, 'types', '--spec', 'spec.json', '--out', 'out');
    expect(first.code).toBe(0);
    await writeFile(join(work, 'out', 'schemas.d.ts'), 'export {};\n');
    const ciEnv = { ...process.env, CI: 'true' };
    const frozen = await run(
      process.execPath,
      [cli, 'types', '--spec', 'spec.json', '--out', 'out'],
      {
        cwd: work,
        env: ciEnv,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in frozen && frozen.code).toBe(1);
    expect(await readFile(join(work, 'out', 'schemas.d.ts'), 'utf8')).toBe('export {};\n');
    await run(process.execPath, [cli, 'types', '--spec', 'spec.json', '--out', 'out', '--write'], {
      cwd: work,
      env: ciEnv,
    });
    expect(await readFile(join(work, 'out', 'schemas.d.ts'), 'utf8')).toContain('Conversation');
  });

  it('refuses input that is not an OpenAPI document and explains its usage', async () => {
    await writeFile(join(work, 'bad.json'), '{"swagger": "2.0"}');
    const bad = await codegen(work, 'types', '--spec', 'bad.json');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not an OpenAPI document');
    const usage = await codegen(work, 'python');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: conversation-kit-codegen <types|fetch|alias-checks>');
  });
});
