import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a fixture of `project` into one file as an edge platform's build does: every import
 * inlined, the platform's export conditions first, and no Node.js built-in (esbuild's neutral
 * platform refuses them).
 *
 * @example
 * await bundleForEdge(project, 'cloudflare-worker.mjs', 'worker.js', { format: 'esm', conditions: ['workerd'] });
 */
export async function bundleForEdge(
  project: string,
  entry: string,
  outfile: string,
  options: { format: 'esm' | 'iife'; conditions: string[]; define?: Record<string, string> },
): Promise<void> {
  await build({
    entryPoints: [join(project, entry)],
    outfile: join(project, outfile),
    absWorkingDir: project,
    bundle: true,
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    logLevel: 'silent',
    ...options,
  });
}
