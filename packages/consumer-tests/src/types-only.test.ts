import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixturesDir, installProject, tscPath } from './support/packages.js';
import { killAll, run } from './support/run.js';

// A project that installs @conversation-kit/types alone: it gets declarations and nothing else.

const { root, tarballs } = inject('installed');
let project: string;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  project = join(root, 'types-only');
  await mkdir(project);
  await installProject(project, [tarballs['@conversation-kit/types']]);
  await copyFile(join(fixturesDir, 'types-only.ts'), join(project, 'types-only.ts'));
  // The same consumer as an ES module, for node16/nodenext's ESM resolution.
  await copyFile(join(fixturesDir, 'types-only.ts'), join(project, 'types-only.mts'));
});

afterAll(killAll);

describe('@conversation-kit/types installed alone', () => {
  it('brings no other package of ours, and no dependency at all', async () => {
    expect((await readdir(join(project, 'node_modules'))).sort()).toEqual([
      '.package-lock.json',
      '@conversation-kit',
    ]);
    expect(await readdir(join(project, 'node_modules/@conversation-kit'))).toEqual(['types']);
  });

  it('installs declarations and no JavaScript', async () => {
    const files = await filesUnder(join(project, 'node_modules/@conversation-kit/types'));
    expect(files.filter((file) => /\.[cm]?js$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.d\.[cm]?ts$/.test(file)).length).toBeGreaterThan(1);
  });

  it.each([
    ['types-only.ts', 'node16', 'node16'],
    ['types-only.mts', 'node16', 'node16'],
    ['types-only.ts', 'nodenext', 'nodenext'],
    ['types-only.mts', 'nodenext', 'nodenext'],
    ['types-only.ts', 'esnext', 'bundler'],
  ])(
    'type-checks `import type { Conversation, ManageConversationRequest }` in %s with module %s and moduleResolution %s',
    async (file, module, moduleResolution) => {
      expect(await typecheck(file, module, moduleResolution)).toEqual({ code: 0, output: '' });
    },
  );

  it('reports a wrong request through the installed types', async () => {
    const source = await readFile(join(project, 'types-only.ts'), 'utf8');
    await writeFile(
      join(project, 'wrong.ts'),
      source.replace('  snoozed_until: 1767225600,\n', ''),
    );
    const result = await typecheck('wrong.ts', 'nodenext', 'nodenext');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Property 'snoozed_until' is missing");
  });

  it('leaves nothing of itself in a bundle', async () => {
    const result = await build({
      entryPoints: [join(project, 'types-only.ts')],
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

async function typecheck(
  file: string,
  module: string,
  moduleResolution: string,
): Promise<{ code: number | null; output: string }> {
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      module,
      moduleResolution,
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      types: [],
    },
    files: [file],
  };
  const name = `tsconfig.${file}.${moduleResolution}.json`;
  await writeFile(join(project, name), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const result = await run(process.execPath, [tscPath, '-p', name], {
    cwd: project,
    timeoutMs: 120_000,
  });
  return { code: result.code, output: (result.stdout + result.stderr).trim() };
}
