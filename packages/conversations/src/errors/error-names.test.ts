import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as source from '../index.js';

type ErrorClass = new (...args: unknown[]) => Error & { toJSON(): Record<string, unknown> };

const ENTRY = fileURLToPath(new URL('../index.ts', import.meta.url));

/**
 * Constructor arguments to try in turn: each error class takes one of these shapes, and its name
 * does not depend on which one it accepts.
 */
const CANDIDATE_ARGUMENTS: unknown[][] = [
  [
    {
      status: 500,
      errors: [],
      requestId: null,
      rateLimit: undefined,
      resetAt: undefined,
      mayHaveBeenApplied: false,
    },
  ],
  ['field', 'is wrong', 'something right'],
  [1_000, { mayHaveBeenApplied: false }],
  [200, 'a body that is not JSON'],
  ['A message.'],
];

function construct(type: ErrorClass): Error & { toJSON(): Record<string, unknown> } {
  for (const args of CANDIDATE_ARGUMENTS) {
    try {
      return new type(...args);
    } catch {
      // This class takes another shape: try the next.
    }
  }
  throw new Error(`no candidate arguments construct ${type.name}`);
}

function errorClassesOf(module: Record<string, unknown>): Map<string, ErrorClass> {
  const classes = new Map<string, ErrorClass>();
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function' && value.prototype instanceof Error) {
      classes.set(name, value as ErrorClass);
    }
  }
  return classes;
}

// What an app's bundler does to the package: everything in one file, identifiers renamed.
let directory: string;
let minified: Map<string, ErrorClass>;

beforeAll(async () => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  directory = await mkdtemp(join(tmpdir(), 'conversations-minified-'));
  const file = join(directory, 'bundle.mjs');
  await writeFile(file, result.outputFiles[0]!.contents);
  minified = errorClassesOf((await import(pathToFileURL(file).href)) as Record<string, unknown>);
});

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('error names survive minification', () => {
  it('the bundle exports the same error classes as the package, under renamed identifiers', () => {
    const exported = [...errorClassesOf(source as Record<string, unknown>).keys()].sort();
    expect(exported).toContain('ConversationsError');
    expect(exported.length).toBeGreaterThanOrEqual(12);
    expect([...minified.keys()].sort()).toEqual(exported);
    // The minifier did rename the classes, so a name taken from the class itself would be lost.
    const renamed = [...minified].filter(([name, type]) => type.name !== name);
    expect(renamed.length).toBeGreaterThan(0);
  });

  it('each class, minified, has its export name as error.name, in toJSON() and in JSON', () => {
    for (const [exportName, type] of minified) {
      const error = construct(type);
      expect({ exportName, name: error.name }).toEqual({ exportName, name: exportName });
      expect(error.toJSON().name).toBe(exportName);
      expect(JSON.parse(JSON.stringify(error)).name).toBe(exportName);
      expect(String(error)).toMatch(new RegExp(`^${exportName}: `));
      expect(error.stack).toMatch(new RegExp(`^${exportName}: `));
    }
  });

  it('each class from the source has its export name as error.name', () => {
    for (const [exportName, type] of errorClassesOf(source as Record<string, unknown>)) {
      expect(construct(type).name).toBe(exportName);
    }
  });
});
