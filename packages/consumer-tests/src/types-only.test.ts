import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  installTypeScript,
  LIB_SKIPPING,
  typecheck,
  TYPE_SETTINGS,
  TYPESCRIPT_VERSIONS,
  writeEntryPointProbe,
  writeTsconfig,
} from './support/compilers.js';
import { entryPointsOf, fixturesDir, installProject } from './support/packages.js';
import { killAll } from './support/run.js';
import { probeErrors, TYPESCRIPT_MINIMUMS } from './support/typescript-minimums.js';

// A project that installs @conversation-kit/types alone: it gets declarations and nothing else.
// Each TypeScript of TYPESCRIPT_VERSIONS is installed into a folder of that project, whose
// program holds the consumer's file as CommonJS (.ts) and as an ES module (.mts), and a wrong
// request that must be reported.

const { root, tarballs } = inject('installed');
let project: string;

const FILES = ['types-only.ts', 'types-only.mts', 'wrong.ts'];

// Every strictness with nodenext. node16 and bundler resolve the same declaration files as
// nodenext, which checks them already, so they run with skipLibCheck.
const MODULES = [
  { name: 'nodenext', module: 'nodenext', moduleResolution: 'nodenext', settings: TYPE_SETTINGS },
  { name: 'node16', module: 'node16', moduleResolution: 'node16', settings: [LIB_SKIPPING[0]!] },
  { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', settings: LIB_SKIPPING },
];
const cases = MODULES.flatMap(({ name, settings }) =>
  settings.map((setting): [string, string] => [
    `${name}, ${setting.name}`,
    `${name}.${setting.tsconfig}`,
  ]),
);

const versionDir = (version: string): string => join(project, `typescript-${version}`);
const minimumDir = (): string => join(project, 'minimum');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  project = join(root, 'types-only');
  await mkdir(project);
  await installProject(project, [tarballs['@conversation-kit/types']]);

  const { oldest, previous } = TYPESCRIPT_MINIMUMS['@conversation-kit/types'];
  const versions = [...new Set([...TYPESCRIPT_VERSIONS, oldest, previous.version])];
  await Promise.all(versions.map((version) => installTypeScript(versionDir(version), version)));

  const source = await readFile(join(fixturesDir, 'types-only.ts'), 'utf8');
  const wrong = source.replace('  snoozed_until: 1767225600,\n', '');
  expect(wrong).not.toBe(source);
  await writeFile(join(project, 'types-only.ts'), source);
  for (const version of TYPESCRIPT_VERSIONS) {
    const dir = versionDir(version);
    await writeFile(join(dir, 'types-only.ts'), source);
    // The same consumer as an ES module, for node16's and nodenext's ESM resolution.
    await writeFile(join(dir, 'types-only.mts'), source);
    await writeFile(join(dir, 'wrong.ts'), wrong);
    for (const { name, module, moduleResolution, settings } of MODULES) {
      for (const { tsconfig, compilerOptions } of settings) {
        await writeTsconfig(
          join(dir, `${name}.${tsconfig}`),
          { module, moduleResolution, ...compilerOptions },
          FILES,
        );
      }
    }
  }
  await writeEntryPointProbe(minimumDir(), await entryPointsOf(project, '@conversation-kit/types'));
});

afterAll(killAll);

describe('@conversation-kit/types installed alone', () => {
  it('brings no other package of ours, and no dependency at all', async () => {
    expect((await readdir(join(project, 'node_modules'))).sort()).toEqual([
      '.package-lock.json',
      '@conversation-kit',
    ]);
    expect(await readdir(join(project, 'node_modules/@conversation-kit'))).toEqual(['types']);
  });

  it('installs declarations and no JavaScript', async () => {
    const files = await filesUnder(join(project, 'node_modules/@conversation-kit/types'));
    expect(files.filter((file) => /\.[cm]?js$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.d\.[cm]?ts$/.test(file)).length).toBeGreaterThan(1);
  });

  describe.each(TYPESCRIPT_VERSIONS)('with TypeScript %s', (version) => {
    it.concurrent.each(cases)(
      '%s: `import type { Conversation, ManageConversationRequest }` type-checks from .ts and .mts, and a wrong request is reported',
      async (_name, tsconfig) => {
        const tsc = await installTypeScript(versionDir(version), version);
        const { code, diagnostics, output } = await typecheck(tsc, versionDir(version), tsconfig);
        expect(
          diagnostics.map(({ file, code }) => `${file} ${code}`),
          output,
        ).toEqual(['wrong.ts TS2322']);
        expect(output).toContain("Property 'snoozed_until' is missing");
        expect(code).not.toBe(0);
      },
    );
  });

  const { oldest, previous } = TYPESCRIPT_MINIMUMS['@conversation-kit/types'];
  it(`type-checks with TypeScript ${oldest}, its oldest`, async () => {
    const tsc = await installTypeScript(versionDir(oldest), oldest);
    expect(await typecheck(tsc, minimumDir(), 'tsconfig.json')).toMatchObject({
      code: 0,
      output: '',
    });
  });

  it(`does not with TypeScript ${previous.version}: ${previous.because}`, async () => {
    const tsc = await installTypeScript(versionDir(previous.version), previous.version);
    const { code, codes, output } = await probeErrors(tsc, minimumDir(), previous.in);
    expect(code).not.toBe(0);
    expect(codes, output).toContain(previous.code);
  });

  it('leaves nothing of itself in a bundle', async () => {
    const result = await build({
      entryPoints: [join(project, 'types-only.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      absWorkingDir: project,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0]!.text;
    expect(output).toContain('991267');
    expect(output).not.toContain('conversation-kit');
  });
});
