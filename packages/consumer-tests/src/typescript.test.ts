import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inspectImports, type EntryExports } from './support/exports.js';
import { fixturesDir, PUBLISHED, tscPath } from './support/packages.js';
import { subproject } from './support/projects.js';
import { killAll, run, runOk } from './support/run.js';

// A consumer's TypeScript, compiled by the workspace's TypeScript 5.9 against the installed
// tarballs' declarations (strict, skipLibCheck false), with the module settings users pick.

const { consumer } = inject('installed');

const PROJECTS = {
  // An ES module package on Node: module and moduleResolution nodenext.
  'nodenext (ESM)': {
    dir: 'ts-nodenext',
    type: 'module',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
  },
  // The same source in a CommonJS package: the `require` conditions and the .d.cts files.
  'nodenext (CommonJS)': {
    dir: 'ts-nodenext-cjs',
    type: 'commonjs',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
  },
  // An app built by a bundler.
  bundler: {
    dir: 'ts-bundler',
    type: 'module',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
  },
} as const;
type ProjectName = keyof typeof PROJECTS;
const projectNames = Object.keys(PROJECTS) as ProjectName[];

const projectDirs = {} as Record<ProjectName, string>;

async function tsc(
  project: ProjectName,
  tsconfig: string,
): Promise<{ code: number | null; output: string }> {
  const result = await run(process.execPath, [tscPath, '-p', tsconfig], {
    cwd: projectDirs[project],
    timeoutMs: 120_000,
  });
  return { code: result.code, output: (result.stdout + result.stderr).trim() };
}

beforeAll(async () => {
  for (const name of projectNames) {
    const { dir, type, compilerOptions } = PROJECTS[name];
    const projectDir = await subproject(consumer, dir, { type }, [
      'all-exports.ts',
      'wrong-close.ts',
    ]);
    const tsconfig = {
      compilerOptions: {
        target: 'es2022',
        ...compilerOptions,
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        // No @types at all: the declarations must not need @types/node.
        types: [],
      },
      files: ['all-exports.ts'],
    };
    await writeFile(join(projectDir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    await writeFile(
      join(projectDir, 'tsconfig.wrong.json'),
      `${JSON.stringify({ extends: './tsconfig.json', files: ['wrong-close.ts'] }, null, 2)}\n`,
    );
    projectDirs[name] = projectDir;
  }
});

afterAll(killAll);

describe('TypeScript consumers of the installed packages', () => {
  it.each(projectNames)('type-check a file using every export, with %s', async (project) => {
    expect(await tsc(project, 'tsconfig.json')).toEqual({ code: 0, output: '' });
  });

  it.each(projectNames)('report a close with `until` as an error, with %s', async (project) => {
    const source = await readFile(join(fixturesDir, 'wrong-close.ts'), 'utf8');
    // The lines of the two mistakes, outside comments: the close() option and the manage() action.
    const wrongLines = source
      .split('\n')
      .flatMap((line, index) => (/^(?!\s*\/\/).*\buntil\b/.test(line) ? [index + 1] : []));
    expect(wrongLines).toHaveLength(2);

    const { code, output } = await tsc(project, 'tsconfig.wrong.json');
    expect(code).not.toBe(0);
    const errors = output.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.map((line) => Number(/wrong-close\.ts\((\d+),/.exec(line)?.[1]))).toEqual(
      wrongLines,
    );
    expect(errors[0]).toContain("'until' does not exist");
  });

  it.each(['nodenext (ESM)', 'nodenext (CommonJS)'] as const)(
    'the file imports every entry point and uses each of its exports, resolved with %s',
    async (project) => {
      const { exports, used } = inspectImports(projectDirs[project], 'all-exports.ts');

      // Every entry point with code or declarations (not the JSON and YAML files) is imported.
      const entryPoints: string[] = [];
      for (const name of PUBLISHED) {
        const manifest = JSON.parse(
          await readFile(join(consumer, 'node_modules', name, 'package.json'), 'utf8'),
        ) as { exports: Record<string, unknown> };
        for (const [subpath, target] of Object.entries(manifest.exports)) {
          if (typeof target === 'object' || /\.d\.[cm]?ts$/.test(String(target))) {
            entryPoints.push(name + subpath.slice(1));
          }
        }
      }
      expect([...exports.keys()].sort()).toEqual(entryPoints.sort());

      for (const [specifier, { names }] of exports) {
        const unused = names.filter((name) => !used.get(specifier)?.has(name));
        expect(unused, `exports of ${specifier} that all-exports.ts does not use`).toEqual([]);
        expect(names.length, specifier).toBeGreaterThan(0);
      }
    },
  );

  it('the values the declarations promise are exactly what import and require give', async () => {
    const declared = {
      import: inspectImports(projectDirs['nodenext (ESM)'], 'all-exports.ts').exports,
      require: inspectImports(projectDirs['nodenext (CommonJS)'], 'all-exports.ts').exports,
    };
    // Entry points with values; @conversation-kit/types has none, and nothing to load.
    const specifiers = [...declared.import]
      .filter(([, entry]) => entry.values.length > 0)
      .map(([specifier]) => specifier);
    expect(specifiers).not.toContain('@conversation-kit/types');

    const script = join(projectDirs['nodenext (ESM)'], 'runtime-exports.mjs');
    await writeFile(
      script,
      [
        "import { createRequire } from 'node:module';",
        'const require = createRequire(import.meta.url);',
        'const result = {};',
        'for (const specifier of process.argv.slice(2)) {',
        '  const imported = Object.keys(await import(specifier));',
        "  const required = Object.keys(require(specifier)).filter((key) => key !== '__esModule');",
        '  result[specifier] = { import: imported.sort(), require: required.sort() };',
        '}',
        'console.log(JSON.stringify(result));',
      ].join('\n'),
    );
    const { stdout } = await runOk(process.execPath, [script, ...specifiers], {
      cwd: projectDirs['nodenext (ESM)'],
      timeoutMs: 60_000,
    });
    const runtime = JSON.parse(stdout) as Record<string, { import: string[]; require: string[] }>;
    for (const specifier of specifiers) {
      const values = (entries: Map<string, EntryExports>) => entries.get(specifier)!.values;
      expect(runtime[specifier]!.import, `import('${specifier}')`).toEqual(values(declared.import));
      expect(runtime[specifier]!.require, `require('${specifier}')`).toEqual(
        values(declared.require),
      );
    }
  });
});
