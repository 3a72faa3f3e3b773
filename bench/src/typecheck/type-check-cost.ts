import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** What `tsc --extendedDiagnostics` reports for one file. */
export interface TypeCheckCost {
  types: number;
  instantiations: number;
  checkSeconds: number;
  memoryKiB: number;
}

const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
// TypeScript 5.9.3 from bench's own node_modules, whatever else is on the PATH.
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The consumer files, in src/typecheck/consumers. */
export const consumerFile = (
  name: 'empty' | 'openapi-fetch-import' | 'conversations' | 'openapi-fetch',
): string => join(BENCH_DIR, 'src/typecheck/consumers', `${name}.ts`);

function field(output: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(output);
  if (!match) throw new Error(`tsc --extendedDiagnostics printed no "${name}":\n${output}`);
  return Number(match[1]);
}

/**
 * Type-checks one file as a strict consumer would (TypeScript 5.9.3, module and moduleResolution
 * nodenext, skipLibCheck false by default, so the declarations of every package it reaches are
 * checked too) and reads the compiler's own counters. With `skipLibCheck: true` what is left is
 * the cost of the file's own code. The config lives in a temporary directory, naming the file absolutely,
 * so nothing else of the project is included.
 *
 * @example
 * const { instantiations } = await typeCheckCost(consumerFile('conversations'));
 */
export async function typeCheckCost(
  file: string,
  { skipLibCheck = false }: { skipLibCheck?: boolean } = {},
): Promise<TypeCheckCost> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-tsc-'));
  try {
    const config = join(dir, 'tsconfig.json');
    const compilerOptions = {
      strict: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      skipLibCheck,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(BENCH_DIR, 'node_modules/@types')],
    };
    await writeFile(config, JSON.stringify({ compilerOptions, files: [file] }));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [TSC, '-p', config, '--extendedDiagnostics'],
      { cwd: BENCH_DIR, timeout: 120_000, maxBuffer: 10 * 2 ** 20 },
    );
    return {
      types: field(stdout, 'Types'),
      instantiations: field(stdout, 'Instantiations'),
      checkSeconds: field(stdout, 'Check time'),
      memoryKiB: field(stdout, 'Memory used'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
