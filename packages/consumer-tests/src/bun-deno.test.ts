import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subproject } from './support/projects.js';
import { consumerEnv, killAll, run } from './support/run.js';
import { npmRuntime, type Runtime } from './support/runtimes.js';

// The ESM smoke test under Bun and Deno, installed from their npm packages. A runtime that cannot
// be installed or run here is skipped with the reason, not failed.

const { consumer, root } = inject('installed');
let project: string;
let bun: Runtime;
let deno: Runtime;

beforeAll(async () => {
  project = await subproject(consumer, 'other-runtimes', { type: 'module' }, ['smoke.mjs']);
  bun = await npmRuntime('bun', '1.4.5');
  deno = await npmRuntime('deno', '2.9.6');
});

afterAll(killAll);

describe('other runtimes', () => {
  it('Bun 1.4.5 runs the ESM smoke test: close prints closed', async ({ skip, annotate }) => {
    if (!bun.ok) return skip(bun.reason);
    const result = await run(bun.binary, ['run', 'smoke.mjs'], {
      cwd: project,
      // No telemetry, and no auto-install: packages come from the project's node_modules.
      env: consumerEnv({ DO_NOT_TRACK: '1', BUN_CONFIG_NO_AUTO_INSTALL: '1' }),
      timeoutMs: 60_000,
    });
    expect(result.stdout.trim(), result.stderr).toBe('closed');
    expect(result.code).toBe(0);
    await annotate(`ran under Bun ${bun.version}`);
  });

  it('Deno 2.9.6 runs the ESM smoke test: close prints closed', async ({ skip, annotate }) => {
    if (!deno.ok) return skip(deno.reason);
    // --node-modules-dir=manual: use the node_modules npm installed, as is; the fake listens on
    // 127.0.0.1 (net), reads its spec (read) and the environment (env).
    const result = await run(
      deno.binary,
      [
        'run',
        '--node-modules-dir=manual',
        '--no-lock',
        '--no-prompt',
        '--allow-net=127.0.0.1',
        '--allow-env',
        '--allow-read',
        'smoke.mjs',
      ],
      {
        cwd: project,
        // DENO_DIR: Deno's own cache in this run's temp folder, not the user's home.
        env: consumerEnv({
          DENO_DIR: join(root, 'deno-dir'),
          DENO_NO_UPDATE_CHECK: '1',
          DENO_NO_PROMPT: '1',
        }),
        timeoutMs: 60_000,
      },
    );
    expect(result.stdout.trim(), result.stderr).toBe('closed');
    expect(result.code).toBe(0);
    await annotate(`ran under Deno ${deno.version}`);
  });
});
