import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumerEnv, runOk } from './run.js';

/** The packages we publish, dependencies first. */
export const PUBLISHED = [
  '@conversation-kit/spec',
  '@conversation-kit/types',
  '@conversation-kit/fetch',
  '@conversation-kit/conversations',
  '@conversation-kit/redis',
  '@conversation-kit/testing',
  '@conversation-kit/cli',
] as const;

export type PublishedName = (typeof PUBLISHED)[number];

/** The published packages a consumer imports: all but the command line, which has no entry point. */
export const IMPORTED = PUBLISHED.filter(
  (name): name is Exclude<PublishedName, '@conversation-kit/cli'> =>
    name !== '@conversation-kit/cli',
);

export type ImportedName = (typeof IMPORTED)[number];

/** This package's own folder. */
export const consumerTestsDir = fileURLToPath(new URL('../..', import.meta.url));

/** The consumer's files: smoke scripts, TypeScript sources, the negative control. */
export const fixturesDir = join(consumerTestsDir, 'fixtures');

const require = createRequire(import.meta.url);

/**
 * A published package's folder in the workspace, found through our devDependency on it.
 *
 * @example
 * packageDir('@conversation-kit/types'); // '/work/main/packages/types'
 */
export function packageDir(name: PublishedName): string {
  return dirname(realpathSync(require.resolve(`${name}/package.json`)));
}

/**
 * Throws, naming the package and the file, when a published package has not been built: packing
 * it then would leave its entry points out of the tarball.
 *
 * @example
 * await assertBuilt(); // before packing
 */
export async function assertBuilt(): Promise<void> {
  for (const name of PUBLISHED) {
    const dir = packageDir(name);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      main?: string;
      types?: string;
    };
    for (const file of [manifest.main, manifest.types]) {
      if (file !== undefined && !existsSync(join(dir, file))) {
        throw new Error(`${name} is not built (${file} is missing): run \`pnpm build\` first`);
      }
    }
  }
}

/**
 * Packs every published package with `pnpm pack` (which turns `workspace:^` into real ranges)
 * and returns each tarball's path by package name.
 *
 * @example
 * const tarballs = await packAll(join(tmp, 'tarballs'));
 */
export async function packAll(destination: string): Promise<Record<PublishedName, string>> {
  const tarballs = {} as Record<PublishedName, string>;
  for (const name of PUBLISHED) {
    const { stdout } = await runOk('pnpm', ['pack', '--json', '--pack-destination', destination], {
      cwd: packageDir(name),
      env: consumerEnv(),
      timeoutMs: 120_000,
    });
    const packed = packResult(stdout);
    if (packed.name !== name) throw new Error(`Packed ${packed.name}, expected ${name}`);
    tarballs[name] = packed.filename;
  }
  return tarballs;
}

/**
 * The JSON that `pnpm pack --json` prints, after whatever a `prepack` script printed before it.
 *
 * @example
 * packResult('> prepack\nwrote dist\n{\n  "name": "a",\n  "filename": "/tmp/a.tgz"\n}\n');
 */
export function packResult(stdout: string): { name: string; filename: string } {
  // pnpm prints the JSON indented, so only its own braces start a line.
  const start = stdout.startsWith('{') ? 0 : stdout.lastIndexOf('\n{') + 1;
  return JSON.parse(stdout.slice(start)) as { name: string; filename: string };
}

/**
 * Creates a project with its own package.json and installs tarballs into it with npm, all in one
 * `npm install`, so our packages' ranges on one another are met by the tarballs, not the registry.
 *
 * @example
 * await installProject(join(tmp, 'consumer'), Object.values(tarballs));
 */
export async function installProject(dir: string, tarballs: readonly string[]): Promise<void> {
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'consumer-project', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  await runOk('npm', ['install', '--no-audit', '--no-fund', ...tarballs], {
    cwd: dir,
    env: consumerEnv(),
    timeoutMs: 240_000,
  });
}

/**
 * The entry points of an installed package that have code or declarations (not its JSON and YAML
 * files), as import specifiers.
 *
 * @example
 * await entryPointsOf(consumer, '@conversation-kit/spec'); // ['@conversation-kit/spec', '@conversation-kit/spec/validator']
 */
export async function entryPointsOf(project: string, name: PublishedName): Promise<string[]> {
  const manifest = JSON.parse(
    await readFile(join(project, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { exports: Record<string, unknown> };
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'object' || /\.d\.[cm]?ts$/.test(String(target)))
    .map(([subpath]) => name + subpath.slice(1));
}
