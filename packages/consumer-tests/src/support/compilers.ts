import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consumerEnv, run, runOk } from './run.js';

/**
 * The TypeScript releases every consumer type test runs under: the oldest the wrapper supports,
 * the workspace's, the last of the JavaScript compiler and the native one (7.0, `tsgo`).
 */
export const TYPESCRIPT_VERSIONS = ['5.4.5', '5.9.3', '6.0.3', '7.0.2'] as const;

/** One error a compiler reported; `file` is as printed (relative to the project), or '' for none. */
export interface Diagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

const installs = new Map<string, Promise<string>>();

/**
 * Installs `typescript@<version>` as an exact dev dependency of a project folder inside a consumer
 * project, with npm, as a user adds a compiler, and resolves to its `bin/tsc`. Projects in
 * sub-folders of `dir` find the consumer's packages by walking up, as they would anywhere.
 * TypeScript 7's `bin/tsc` is a Node.js launcher for the native compiler that npm installs from
 * an optional dependency (`@typescript/typescript-<platform>-<arch>`). Each folder installs once
 * per test file.
 *
 * @example
 * const tsc = await installTypeScript(join(consumer, 'typescript-7.0.2'), '7.0.2');
 */
export function installTypeScript(dir: string, version: string): Promise<string> {
  let install = installs.get(dir);
  if (install === undefined) {
    install = (async () => {
      await mkdir(dir, { recursive: true });
      const manifest = { name: `typescript-${version}`, private: true };
      await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await runOk(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--save-dev',
          '--save-exact',
          `typescript@${version}`,
        ],
        { cwd: dir, env: consumerEnv(), timeoutMs: 240_000 },
      );
      const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
      const { stdout } = await runOk(process.execPath, [tsc, '--version'], {
        cwd: dir,
        timeoutMs: 60_000,
      });
      if (stdout.trim() !== `Version ${version}`) {
        throw new Error(`typescript@${version} in ${dir} says ${stdout.trim()}`);
      }
      return tsc;
    })();
    installs.set(dir, install);
  }
  return install;
}

const DIAGNOSTIC = /^(?:(?<file>.+?)\((?<line>\d+),\d+\): )?error (?<code>TS\d+): (?<message>.*)$/;

/**
 * Runs `tsc -p <tsconfig>` in a project and resolves to its exit code, its errors (sorted by file
 * and line) and everything it printed.
 *
 * @example
 * const { code, diagnostics } = await typecheck(tsc, project, 'tsconfig.json');
 */
export async function typecheck(
  tsc: string,
  cwd: string,
  tsconfig: string,
): Promise<{ code: number | null; diagnostics: Diagnostic[]; output: string }> {
  const result = await run(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], {
    cwd,
    // A minute under the test timeout, so that a compiler too slow shows what it printed.
    timeoutMs: 240_000,
  });
  const output = (result.stdout + result.stderr).trim();
  const diagnostics = output.split('\n').flatMap((line) => {
    const groups = DIAGNOSTIC.exec(line)?.groups;
    if (groups === undefined) return [];
    const { file = '', line: at = '0', code = '', message = '' } = groups;
    return [{ file, line: Number(at), code, message }];
  });
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { code: result.code, diagnostics, output };
}

/**
 * Writes a tsconfig.json-style file: `compilerOptions` over those every consumer test shares
 * (no emit, no `@types` at all, so the declarations must not need `@types/node`).
 *
 * @example
 * await writeTsconfig(join(project, 'tsconfig.json'), { module: 'nodenext' }, ['a.ts']);
 */
export async function writeTsconfig(
  path: string,
  compilerOptions: Record<string, unknown>,
  files: readonly string[],
): Promise<void> {
  const tsconfig = {
    compilerOptions: { target: 'es2022', noEmit: true, types: [], ...compilerOptions },
    files,
  };
  await writeFile(path, `${JSON.stringify(tsconfig, null, 2)}\n`);
}

/** One way users set a compiler's strictness, as compiler options and a file name for them. */
export interface TypeSettings {
  /** Such as 'strict off, skipLibCheck on'. */
  name: string;
  /** The tsconfig file a project writes for it. */
  tsconfig: string;
  compilerOptions: { strict: boolean; strictNullChecks?: false; skipLibCheck: boolean };
}

const setting = (
  strictness: 'strict' | 'strict off' | 'strictNullChecks off',
  skipLibCheck: boolean,
): TypeSettings => ({
  name: `${strictness}, skipLibCheck ${skipLibCheck ? 'on' : 'off'}`,
  tsconfig: `tsconfig.${strictness.replaceAll(' ', '-')}.${skipLibCheck ? 'skip-lib-check' : 'lib-check'}.json`,
  compilerOptions: {
    strict: strictness !== 'strict off',
    ...(strictness === 'strictNullChecks off' ? { strictNullChecks: false } : {}),
    skipLibCheck,
  },
});

/** `strict`, with the declarations checked: the strictest, and what `tsconfig.json` holds. */
export const STRICTEST = setting('strict', false);

/**
 * The strictness users run with: `strict` on and off, each with `skipLibCheck` off and on, and
 * `strict` but for `strictNullChecks` (as openapi-fetch's own tests compile). Its declarations
 * are checked under `strict` off already, which turns strictNullChecks off too; what it adds is
 * how the consumer's own code sees the types.
 *
 * @example
 * for (const { tsconfig, compilerOptions } of TYPE_SETTINGS) await writeTsconfig(tsconfig, compilerOptions, files);
 */
export const TYPE_SETTINGS: readonly TypeSettings[] = [
  STRICTEST,
  setting('strict', true),
  setting('strict off', false),
  setting('strict off', true),
  setting('strictNullChecks off', true),
];

/**
 * The settings of TYPE_SETTINGS with `skipLibCheck` on, `strict` and `strict` off: for module
 * settings that resolve the same declaration files as nodenext, whose runs check them already.
 *
 * @example
 * const [strict, loose] = LIB_SKIPPING;
 */
export const LIB_SKIPPING: readonly TypeSettings[] = TYPE_SETTINGS.filter(
  ({ compilerOptions }) => compilerOptions.skipLibCheck && !('strictNullChecks' in compilerOptions),
);

/**
 * Writes a project folder whose one file, as an ES module (probe.mts) and as CommonJS
 * (probe.cts), imports every given entry point (types only), strict, skipLibCheck off, module
 * nodenext: type-checking it checks all the declarations those entry points bring, and nothing
 * else.
 *
 * @example
 * const probe = await writeEntryPointProbe(join(consumer, 'minimum-fetch'), ['@conversation-kit/fetch']);
 * await typecheck(tsc, probe, 'tsconfig.json');
 */
export async function writeEntryPointProbe(
  dir: string,
  specifiers: readonly string[],
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const imports = specifiers.map(
    (specifier, i) => `import type * as Entry${i} from '${specifier}';`,
  );
  const entries = specifiers.map((_, i) => `typeof Entry${i}`).join(', ');
  const source = `${imports.join('\n')}\nexport type Entries = [${entries}];\n`;
  const files = ['probe.mts', 'probe.cts'];
  for (const file of files) await writeFile(join(dir, file), source);
  await writeTsconfig(
    join(dir, 'tsconfig.json'),
    { module: 'nodenext', moduleResolution: 'nodenext', ...STRICTEST.compilerOptions },
    files,
  );
  return dir;
}
