import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
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
    ['nodenext', 'nodenext'],
    ['esnext', 'bundler'],
  ])(
    'type-checks `import type { Conversation, ManageConversationRequest }` with module %s and moduleResolution %s',
    async (module, moduleResolution) => {
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
        files: ['types-only.ts'],
      };
      const name = `tsconfig.${moduleResolution}.json`;
      await writeFile(join(project, name), `${JSON.stringify(tsconfig, null, 2)}\n`);
      const result = await run(process.execPath, [tscPath, '-p', name], {
        cwd: project,
        timeoutMs: 120_000,
      });
      expect({ code: result.code, output: (result.stdout + result.stderr).trim() }).toEqual({
        code: 0,
        output: '',
      });
    },
  );
});
