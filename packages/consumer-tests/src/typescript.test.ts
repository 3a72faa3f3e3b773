import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  installTypeScript,
  LIB_SKIPPING,
  STRICTEST,
  typecheck,
  TYPE_SETTINGS,
  TYPESCRIPT_VERSIONS,
  writeEntryPointProbe,
  writeTsconfig,
  type Diagnostic,
  type TypeSettings,
} from './support/compilers.js';
import { inspectImports, type EntryExports } from './support/exports.js';
import { entryPointsOf, fixturesDir, IMPORTED, PUBLISHED } from './support/packages.js';
import { subproject } from './support/projects.js';
import { killAll, runOk } from './support/run.js';
import { probeErrors, TYPESCRIPT_MINIMUMS } from './support/typescript-minimums.js';

// A consumer's TypeScript against the installed tarballs' declarations, under each release in
// TYPESCRIPT_VERSIONS, installed from the registry into the consumer project, with the module
// settings and strictness users pick. Each program holds four files: all-exports uses every
// export and must pass, with generated/type-aliases (the generator's checks of every alias the
// spec gives the types package); distinct-results must pass too, its `@ts-expect-error` lines
// being the mistakes a collapsed type would let through; wrong-close must fail, on its two
// mistakes only.

const { consumer } = inject('installed');

const ALIAS_CHECKS = 'generated/type-aliases';
const FIXTURES = ['all-exports', ALIAS_CHECKS, 'distinct-results', 'wrong-close'];

const PROJECTS = {
  // Node with module nodenext, under every strictness. Each file is there twice, as an ES module
  // (.mts) and as CommonJS (.cts), so one program checks the `import` and the `require`
  // declarations alike.
  nodenext: {
    dir: 'nodenext',
    extensions: ['.mts', '.cts'],
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
    settings: TYPE_SETTINGS,
  },
  // An app built by a bundler. It resolves the declaration files nodenext resolves for an ES
  // module, and checks them less strictly, so the nodenext runs check them; this runs with
  // skipLibCheck.
  bundler: {
    dir: 'bundler',
    extensions: ['.ts'],
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
    settings: LIB_SKIPPING,
  },
} as const;
type ProjectName = keyof typeof PROJECTS;
const projectNames = Object.keys(PROJECTS) as ProjectName[];

const versionDir = (version: string): string => join(consumer, `typescript-${version}`);
const projectDir = (version: string, project: ProjectName): string =>
  join(versionDir(version), PROJECTS[project].dir);

// The packages whose oldest TypeScript is checked here; types-only.test.ts checks the types
// package in a project that installed it alone.
const MINIMUM_PACKAGES = IMPORTED.filter((name) => name !== '@conversation-kit/types');
const minimumDir = (name: string): string => join(consumer, 'minimum', name.split('/')[1]!);

/** Where each diagnostic is, and its code, for comparing a compile with the expected errors. */
const located = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map(({ file, line, code }) => `${file}(${line}) ${code}`);

/** The errors wrong-close must produce in a project: its two mistakes, in each of its copies. */
let wrongCloseErrors: (project: ProjectName) => string[];

beforeAll(async () => {
  // The two mistakes of the negative control, outside comments: the close() option, and the
  // manage() action, which manage() reports through `Exactly` as `never`.
  const source = await readFile(join(fixturesDir, 'wrong-close.ts'), 'utf8');
  const lines = source
    .split('\n')
    .flatMap((line, index) => (/^(?!\s*\/\/).*\buntil\b/.test(line) ? [index + 1] : []));
  expect(lines).toHaveLength(2);
  wrongCloseErrors = (project) =>
    [...PROJECTS[project].extensions]
      .sort()
      .flatMap((extension) => [
        `wrong-close${extension}(${lines[0]}) TS2353`,
        `wrong-close${extension}(${lines[1]}) TS2322`,
      ]);

  const minimumVersions = MINIMUM_PACKAGES.flatMap((name) => {
    const { oldest, previous } = TYPESCRIPT_MINIMUMS[name];
    return [oldest, previous.version];
  });
  const versions = [...new Set([...TYPESCRIPT_VERSIONS, ...minimumVersions])];
  await Promise.all(versions.map((version) => installTypeScript(versionDir(version), version)));

  for (const version of TYPESCRIPT_VERSIONS) {
    for (const name of projectNames) {
      const { dir, extensions, compilerOptions, settings } = PROJECTS[name];
      const project = await subproject(versionDir(version), dir, { type: 'module' }, []);
      const files: string[] = [];
      for (const fixture of FIXTURES) {
        const source = await readFile(join(fixturesDir, `${fixture}.ts`), 'utf8');
        for (const extension of extensions) {
          files.push(fixture + extension);
          await mkdir(dirname(join(project, fixture + extension)), { recursive: true });
          await writeFile(join(project, fixture + extension), source);
        }
      }
      const strictest = STRICTEST.compilerOptions;
      await writeTsconfig(
        join(project, 'tsconfig.json'),
        { ...compilerOptions, ...strictest },
        files,
      );
      for (const { tsconfig, compilerOptions: strictness } of settings) {
        const variant = { extends: './tsconfig.json', compilerOptions: strictness };
        await writeFile(join(project, tsconfig), `${JSON.stringify(variant, null, 2)}\n`);
      }
    }
  }
  for (const name of MINIMUM_PACKAGES) {
    await writeEntryPointProbe(minimumDir(name), await entryPointsOf(consumer, name));
  }
});

afterAll(killAll);

describe.each(TYPESCRIPT_VERSIONS)('TypeScript %s on the installed packages', (version) => {
  const cases = projectNames.flatMap((project) =>
    PROJECTS[project].settings.map((settings): [ProjectName, string, TypeSettings] => [
      project,
      settings.name,
      settings,
    ]),
  );
  it.concurrent.each(cases)(
    '%s, %s: every export type-checks, results stay distinct, only the mistakes are reported',
    async (project, _name, { tsconfig }) => {
      const tsc = await installTypeScript(versionDir(version), version);
      const { code, diagnostics, output } = await typecheck(
        tsc,
        projectDir(version, project),
        tsconfig,
      );
      expect(located(diagnostics), output).toEqual(wrongCloseErrors(project));
      expect(diagnostics[0]!.message).toContain("'until' does not exist");
      expect(code).not.toBe(0);
    },
  );
});

describe.concurrent('the oldest TypeScript each package states', () => {
  // An oldest release that TYPESCRIPT_VERSIONS holds (5.4) is checked above, on every export.
  const oldestOutsideTheMatrix = MINIMUM_PACKAGES.flatMap((name) => {
    const { oldest } = TYPESCRIPT_MINIMUMS[name];
    return (TYPESCRIPT_VERSIONS as readonly string[]).includes(oldest) ? [] : [[name, oldest]];
  });
  it.each(oldestOutsideTheMatrix)(
    '%s type-checks, every entry point, with TypeScript %s',
    async (name, oldest) => {
      const tsc = await installTypeScript(versionDir(oldest), oldest);
      const { code, output } = await typecheck(tsc, minimumDir(name), 'tsconfig.json');
      expect({ code, output }).toEqual({ code: 0, output: '' });
    },
  );

  it.each(
    MINIMUM_PACKAGES.map((name) => {
      const { previous } = TYPESCRIPT_MINIMUMS[name];
      return [name, previous.version, previous] as const;
    }),
  )('%s does not with TypeScript %s', async (name, _version, previous) => {
    const tsc = await installTypeScript(versionDir(previous.version), previous.version);
    const { code, codes, output } = await probeErrors(tsc, minimumDir(name), previous.in);
    expect(code).not.toBe(0);
    expect(codes, `${previous.because}:\n${output}`).toContain(previous.code);
  });
});

describe("the exports, as TypeScript 5.9's compiler API resolves them", () => {
  // The workspace's TypeScript reads the nodenext project of the same release.
  const project = (): string => projectDir('5.9.3', 'nodenext');

  // all-exports and the generated alias checks, as one consumer's files.
  const consumerFiles = (extension: string): string[] =>
    ['all-exports', ALIAS_CHECKS].map((fixture) => fixture + extension);

  it.each([
    ['an ES module', '.mts'],
    ['CommonJS', '.cts'],
  ])(
    'all-exports imports every entry point and uses each of its exports, as %s',
    async (_format, extension) => {
      const files = consumerFiles(extension);
      const { exports, used } = inspectImports(project(), files);

      const entryPoints: string[] = [];
      for (const name of PUBLISHED) entryPoints.push(...(await entryPointsOf(consumer, name)));
      expect([...exports.keys()].sort()).toEqual(entryPoints.sort());

      for (const [specifier, { names }] of exports) {
        const unused = names.filter((name) => !used.get(specifier)?.has(name));
        expect(unused, `exports of ${specifier} that neither ${files.join(' nor ')} uses`).toEqual(
          [],
        );
        expect(names.length, specifier).toBeGreaterThan(0);
      }
    },
  );

  it('the values the declarations promise are exactly what import and require give', async () => {
    const declared = {
      import: inspectImports(project(), consumerFiles('.mts')).exports,
      require: inspectImports(project(), consumerFiles('.cts')).exports,
    };
    // Entry points with values; @conversation-kit/types has none, and nothing to load.
    const specifiers = [...declared.import]
      .filter(([, entry]) => entry.values.length > 0)
      .map(([specifier]) => specifier);
    expect(specifiers).not.toContain('@conversation-kit/types');

    const script = join(project(), 'runtime-exports.mjs');
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
      cwd: project(),
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
