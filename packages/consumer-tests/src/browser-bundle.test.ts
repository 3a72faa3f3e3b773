import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildResult, type Metafile, type OutputFile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subproject } from './support/projects.js';
import { killAll, run } from './support/run.js';

// A browser app that calls createConversations(...).close(), bundled by esbuild for the browser
// from the installed tarballs. esbuild's browser platform refuses Node's built-in modules, so the
// build succeeding shows the client needs none.

// The same budget `pnpm bench:budgets` holds the wrapper to.
const BUDGETS_FILE = new URL('../../../bench/budgets.json', import.meta.url);

const { consumer } = inject('installed');
let project: string;
let built: BuildResult & { metafile: Metafile; outputFiles: OutputFile[] };
let bundle: Uint8Array;

beforeAll(async () => {
  project = await subproject(consumer, 'browser-app', { type: 'module' }, [
    'browser-close.ts',
    'run-bundle.mjs',
  ]);
  built = await build({
    entryPoints: [join(project, 'browser-close.ts')],
    outfile: join(project, 'bundle.js'),
    absWorkingDir: project,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  bundle = built.outputFiles[0]!.contents;
  await writeFile(join(project, 'bundle.js'), bundle);
});

afterAll(killAll);

describe('a browser bundle of the client', () => {
  it('builds for the browser without errors or warnings', () => {
    expect(built.errors).toEqual([]);
    expect(built.warnings).toEqual([]);
    expect(built.outputFiles).toHaveLength(1);
  });

  it('imports no Node built-in module and leaves no import or require behind', () => {
    const inputs = Object.keys(built.metafile.inputs);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    const output = Object.values(built.metafile.outputs)[0]!;
    expect(output.imports).toEqual([]);
    const text = new TextDecoder().decode(bundle);
    expect(text).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(text).not.toMatch(/\brequire\s*\(/);
  });

  it('holds the client and its HTTP layer, not the fake, the spec or a validator', () => {
    // The modules that put bytes in the bundle: openapi-fetch is resolved through the fetch
    // package's entry, but none of it is kept, since the client uses only that package's data.
    const output = Object.values(built.metafile.outputs)[0]!;
    const kept = Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input);
    const packages = new Set(
      kept.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? input),
    );
    expect([...packages].sort()).toEqual([
      '@conversation-kit/conversations',
      '@conversation-kit/fetch',
      'browser-close.ts',
    ]);
  });

  it('closes a conversation when run', async () => {
    const result = await run(process.execPath, ['run-bundle.mjs'], {
      cwd: project,
      timeoutMs: 60_000,
    });
    expect(result.stdout.trim(), result.stderr).toBe('closed');
    expect(result.code).toBe(0);
  });

  it('stays within the gzip budget of bench/budgets.json', async ({ annotate }) => {
    const { closeBundleGzipBytes, closeBundleGzipGoal } = JSON.parse(
      await readFile(BUDGETS_FILE, 'utf8'),
    ) as { closeBundleGzipBytes: number; closeBundleGzipGoal: number };
    const minified = bundle.byteLength;
    const gzipped = gzipSync(bundle, { level: 9 }).byteLength;
    const message = `browser bundle of createConversations().close(): ${minified} B minified, ${gzipped} B gzipped (budget ${closeBundleGzipBytes} B, goal ${closeBundleGzipGoal} B)`;
    console.log(message);
    await annotate(message);
    expect(gzipped).toBeLessThanOrEqual(closeBundleGzipBytes);
  });
});
