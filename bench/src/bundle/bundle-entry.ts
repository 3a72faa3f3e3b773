import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A minified browser bundle of one entry, and what it is made of. */
export interface Bundle {
  minifiedBytes: number;
  gzipBytes: number;
  /** Bytes of output per package (or "entry"), largest first. */
  byPackage: { name: string; bytes: number }[];
  /** The largest input modules, largest first. */
  largestModules: { path: string; bytes: number }[];
}

const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));

// Real paths, since esbuild follows pnpm's symlinks: node_modules/.pnpm/…/node_modules/<name>/…
// for registry packages, ../packages/<dir>/… for workspace ones.
function packageOf(input: string): string {
  const registry = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (registry) return registry[1]!;
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(input);
  return workspace ? `@conversation-kit/${workspace[1]}` : 'entry';
}

/** How a browser app ships: one minified ESM file, with a metafile to see what is in it. */
export const BROWSER_APP = {
  absWorkingDir: BENCH_DIR,
  outfile: 'bundle.js',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  metafile: true,
  write: false,
  logLevel: 'silent',
} as const;

/**
 * Bundles an entry file as a browser app would ship it (esbuild, platform browser, format esm,
 * minified) and gzips it at level 9.
 *
 * @example
 * const bundle = await bundleEntry('src/bundle/entries/ky.ts');
 */
export async function bundleEntry(entry: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [entry],
    ...BROWSER_APP,
  });
  if (result.errors.length > 0) throw new Error(`esbuild failed on ${entry}`);
  const contents = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return {
    minifiedBytes: contents.byteLength,
    gzipBytes: gzipSync(contents, { level: 9 }).byteLength,
    byPackage: [...byPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    largestModules: Object.entries(output.inputs)
      .map(([path, { bytesInOutput }]) => ({
        path: path.replace(/.*node_modules\//, ''),
        bytes: bytesInOutput,
      }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5),
  };
}
