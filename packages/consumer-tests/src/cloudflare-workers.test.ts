import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiVersion, document } from '@conversation-kit/spec';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { describeCloseInRuntime } from './support/close-in-runtime.js';
import { bundleForEdge } from './support/edge-bundle.js';
import { subproject } from './support/projects.js';
import { killAll, start, waitForOutput } from './support/run.js';
import { npmRuntime } from './support/runtimes.js';

// A Cloudflare Worker that imports the client from the installed tarballs, bundled by esbuild as
// wrangler bundles it (the `workerd`, `worker` and `browser` conditions, no Node.js built-ins),
// served by workerd from its npm package, with no compatibility flags (so no Node.js APIs).

const WORKERD_VERSION = '1.20261117.1';

const { consumer } = inject('installed');

/** workerd's configuration: one Worker on 127.0.0.1, port chosen by the system. */
function workerdConfig(bindings: Record<string, string>): string {
  const texts = Object.entries(bindings).map(
    ([name, value]) => `    (name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)}),`,
  );
  return [
    'using Workerd = import "/workerd/workerd.capnp";',
    '',
    'const config :Workerd.Config = (',
    '  services = [',
    '    (name = "main", worker = .worker),',
    // A Worker's fetch reaches public addresses only; the fake listens on loopback.
    '    (name = "loopback", network = (allow = ["local"])),',
    '  ],',
    '  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],',
    ');',
    '',
    'const worker :Workerd.Worker = (',
    '  modules = [(name = "worker.js", esModule = embed "worker.js")],',
    '  compatibilityDate = "2026-11-01",',
    `  bindings = [${texts.length > 0 ? `\n${texts.join('\n')}\n  ` : ''}],`,
    '  globalOutbound = "loopback",',
    ');',
    '',
  ].join('\n');
}

/**
 * Bundles a Worker from fixtures into its own folder of the consumer project and serves it with
 * workerd; resolves to its URL, or to why workerd cannot run here.
 */
async function serveWorker(
  entry: string,
  fixtures: readonly string[],
  bindings: Record<string, string>,
): Promise<{ url: string } | { skip: string }> {
  const workerd = await npmRuntime('workerd', WORKERD_VERSION);
  if (!workerd.ok) return { skip: workerd.reason };
  const project = await subproject(consumer, entry.replace(/\.mjs$/, ''), { type: 'module' }, [
    entry,
    ...fixtures,
  ]);
  await bundleForEdge(project, entry, 'worker.js', {
    format: 'esm',
    conditions: ['workerd', 'worker', 'browser'],
  });
  await writeFile(join(project, 'config.capnp'), workerdConfig(bindings));
  // With --control-fd, workerd reports on descriptor 3 the port each socket listens on.
  const child = start(workerd.binary, ['serve', 'config.capnp', '--control-fd=3'], {
    cwd: project,
    pipeFd3: true,
  });
  const [listening] = await waitForOutput(child, /^\{.*"event":"listen".*\}$/m, 60_000);
  const { port } = JSON.parse(listening) as { port: number };
  return { url: `http://127.0.0.1:${port}` };
}

describeCloseInRuntime(`workerd ${WORKERD_VERSION}`, (fake) =>
  serveWorker('cloudflare-worker.mjs', ['close-handler.mjs'], {
    INTERCOM_TOKEN: fake.token,
    INTERCOM_BASE_URL: fake.url,
  }),
);

describe(`@conversation-kit/spec in workerd ${WORKERD_VERSION}`, () => {
  afterAll(killAll);

  it('reads the document, and its validator cannot compile: Workers forbid code from strings', async ({
    skip,
  }) => {
    const server = await serveWorker('cloudflare-worker-spec.mjs', [], {});
    if ('skip' in server) return skip(server.skip);
    const response = await fetch(server.url, { signal: AbortSignal.timeout(60_000) });
    expect(await response.json()).toEqual({
      apiVersion,
      paths: Object.keys(document.paths),
      validator: expect.stringMatching(/^EvalError: Code generation from strings disallowed/),
    });
  });
});
