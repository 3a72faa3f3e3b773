import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subproject } from './support/projects.js';
import { killAll, run } from './support/run.js';

// A user's ESM project and CommonJS project, each importing (or requiring) the client and the
// fake from the installed tarballs, closing a conversation and printing its state.

const { consumer } = inject('installed');
let esmProject: string;
let cjsProject: string;

beforeAll(async () => {
  esmProject = await subproject(consumer, 'esm-project', { type: 'module' }, ['smoke.mjs']);
  cjsProject = await subproject(consumer, 'cjs-project', { type: 'commonjs' }, ['smoke.cjs']);
});

afterAll(killAll);

describe('the installed client and fake, under the Node running the tests', () => {
  it('close a conversation from an ES module', async () => {
    const result = await run(process.execPath, ['smoke.mjs'], {
      cwd: esmProject,
      timeoutMs: 60_000,
    });
    expect(result.stdout.trim(), result.stderr).toBe('closed');
    expect(result.code).toBe(0);
  });

  it('close a conversation from a CommonJS module', async () => {
    const result = await run(process.execPath, ['smoke.cjs'], {
      cwd: cjsProject,
      timeoutMs: 60_000,
    });
    expect(result.stdout.trim(), result.stderr).toBe('closed');
    expect(result.code).toBe(0);
  });
});
