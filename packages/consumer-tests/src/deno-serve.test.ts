import { join } from 'node:path';
import { startFakeIntercom } from '@conversation-kit/testing';
import { describe, expect, inject, it } from 'vitest';
import { describeCloseInRuntime } from './support/close-in-runtime.js';
import { fixturesDir } from './support/packages.js';
import { subproject } from './support/projects.js';
import { consumerEnv, run, start, waitForOutput } from './support/run.js';
import { npmRuntime } from './support/runtimes.js';

// A `deno serve` module, the shape of a Netlify Edge Function or a Deno Deploy app, importing the
// client from the installed packages' node_modules, in Deno from its npm package. It may reach
// 127.0.0.1 and read its two settings from the environment, nothing else: no files, no other
// variables. It sends with a Deno HTTP client that keeps no idle connection, as the wrapper's
// README advises for Deno; the last test shows why.

const DENO_VERSION = '2.9.6';

const { consumer, root } = inject('installed');

describeCloseInRuntime(`deno serve (Deno ${DENO_VERSION})`, async (fake) => {
  const deno = await npmRuntime('deno', DENO_VERSION);
  if (!deno.ok) return { skip: deno.reason };
  const project = await subproject(consumer, 'deno-serve', { type: 'module' }, [
    'close-handler.mjs',
    'deno-serve.mjs',
  ]);
  const child = start(
    deno.binary,
    [
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--node-modules-dir=manual',
      '--no-lock',
      '--no-prompt',
      '--allow-net=127.0.0.1',
      '--allow-env=INTERCOM_TOKEN,INTERCOM_BASE_URL',
      'deno-serve.mjs',
    ],
    {
      cwd: project,
      env: consumerEnv({
        // Deno's own cache in this run's temp folder, not the user's home.
        DENO_DIR: join(root, 'deno-dir'),
        DENO_NO_UPDATE_CHECK: '1',
        INTERCOM_TOKEN: fake.token,
        INTERCOM_BASE_URL: fake.url,
      }),
    },
  );
  const [url] = await waitForOutput(child, /http:\/\/127\.0\.0\.1:[1-9]\d*/, 60_000);
  return { url };
});

describe("Deno's own fetch", () => {
  it('sends a POST again by itself when its reused connection drops after the server applied it', async ({
    skip,
  }) => {
    const deno = await npmRuntime('deno', DENO_VERSION);
    if (!deno.ok) return skip(deno.reason);
    await using fake = await startFakeIntercom({ admins: ['991267'] });
    const first = fake.conversations.add({ state: 'closed' }).id;
    const second = fake.conversations.add({ state: 'open' }).id;
    const path = `/conversations/${second}/parts`;
    let struck = false;
    fake.fault((request) => !struck && request.path === path && (struck = true), {
      type: 'destroy',
      when: 'after-apply',
    });
    const result = await run(
      deno.binary,
      [
        'run',
        '--no-lock',
        '--no-prompt',
        '--allow-net=127.0.0.1',
        join(fixturesDir, 'deno-fetch-resend.mjs'),
        fake.url,
        fake.token,
        first,
        second,
      ],
      {
        cwd: root,
        env: consumerEnv({ DENO_DIR: join(root, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1' }),
        timeoutMs: 60_000,
      },
    );
    expect(result.stdout.trim(), result.stderr).toBe('200');
    const sent = fake.requests.filter((request) => request.path === path);
    expect(sent.map(({ status, applied, fault }) => ({ status, applied, fault }))).toEqual([
      { status: 0, applied: true, fault: 'destroy' },
      { status: 200, applied: true, fault: undefined },
    ]);
  });
});
