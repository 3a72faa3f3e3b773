import { inject } from 'vitest';
import { describeCloseInRuntime } from './support/close-in-runtime.js';
import { bundleForEdge } from './support/edge-bundle.js';
import { subproject } from './support/projects.js';
import { start, waitForOutput } from './support/run.js';
import { npmRuntime } from './support/runtimes.js';

// A Vercel edge function that imports the client from the installed tarballs, bundled by esbuild
// with the `edge-light` condition Vercel resolves (no Node.js built-ins), served by Vercel's
// edge-runtime from its npm package: `edge-runtime --listen`, whose sandbox has the web APIs
// only.

const EDGE_RUNTIME_VERSION = '4.0.1';

const { consumer } = inject('installed');

describeCloseInRuntime(`edge-runtime ${EDGE_RUNTIME_VERSION}`, async (fake) => {
  const edgeRuntime = await npmRuntime('edge-runtime', EDGE_RUNTIME_VERSION);
  if (!edgeRuntime.ok) return { skip: edgeRuntime.reason };
  const project = await subproject(consumer, 'vercel-edge', { type: 'module' }, [
    'close-handler.mjs',
    'vercel-edge-function.mjs',
  ]);
  await bundleForEdge(project, 'vercel-edge-function.mjs', 'edge-function.js', {
    // edge-runtime evaluates a script, not a module.
    format: 'iife',
    conditions: ['edge-light', 'worker', 'browser'],
    define: {
      'process.env.INTERCOM_TOKEN': JSON.stringify(fake.token),
      'process.env.INTERCOM_BASE_URL': JSON.stringify(fake.url),
    },
  });
  const child = start(
    edgeRuntime.binary,
    ['--listen', 'edge-function.js', '--host', '127.0.0.1', '--port', '0'],
    { cwd: project },
  );
  const [url] = await waitForOutput(child, /http:\/\/127\.0\.0\.1:[1-9]\d*/, 60_000);
  return { url };
});
