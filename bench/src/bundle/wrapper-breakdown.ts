import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BROWSER_APP } from './bundle-entry.js';

const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES: Record<string, string> = {
  '@conversation-kit/conversations': '../packages/conversations/src/index.ts',
  '@conversation-kit/fetch': '../packages/fetch/src/index.ts',
};

// The published dist is one file per package, so its metafile says nothing of which module costs
// what; bundling the same app from the TypeScript sources does, module by module.
const fromSource: Plugin = {
  name: 'conversation-kit-from-source',
  setup(build) {
    build.onResolve({ filter: /^@conversation-kit\/(conversations|fetch)$/ }, (args) => ({
      path: fileURLToPath(new URL(SOURCES[args.path]!, new URL(BENCH_DIR, 'file:'))),
    }));
  },
};

/**
 * Minified bytes per source module of the close() app of `@conversation-kit/conversations`,
 * largest first: where the wrapper's bundle bytes come from.
 *
 * @example
 * const modules = await wrapperBreakdown(); // [{ path: 'packages/conversations/src/…', bytes }, …]
 */
export async function wrapperBreakdown(): Promise<{ path: string; bytes: number }[]> {
  const result = await build({
    entryPoints: ['src/bundle/entries/conversation-kit-conversations.ts'],
    ...BROWSER_APP,
    plugins: [fromSource],
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({
      path: path.replace(/^\.\.\//, '').replace(/.*node_modules\//, ''),
      bytes: bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes);
}
