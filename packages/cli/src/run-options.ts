import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors/usage-error.js';
import { inputFormatOf, type InputFormat } from './input/input-format.js';
import type { TargetChoice } from './target/target-choice.js';

/**
 * Everything `conversation-kit run` was asked to do.
 *
 * @example
 * const options = runOptions(['actions.csv', '--dry-run']);
 * options.dryRun; // true
 */
export interface RunOptions {
  input: string;
  format: InputFormat;
  dryRun: boolean;
  skipInvalid: boolean;
  /** The journal's path, or `undefined` with `--no-journal`. */
  journal: string | undefined;
  resendAmbiguous: boolean;
  report: { path: string; format: 'json' | 'csv' } | undefined;
  concurrency: number;
  target: TargetChoice;
  help: boolean;
}

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  journal: { type: 'string' },
  'no-journal': { type: 'boolean' },
  'resend-ambiguous': { type: 'boolean' },
  report: { type: 'string' },
  concurrency: { type: 'string' },
  region: { type: 'string' },
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
  fake: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// Flags people reach for to give the token, which shell history would keep.
const TOKEN_FLAGS = /^--?(token|access-token|api-key|apikey|key|bearer|auth)(=|$)/i;

/**
 * Parses the arguments of `run`. Throws `UsageError` for anything wrong, never echoing a value
 * that could be a secret.
 *
 * @example
 * runOptions(['actions.jsonl', '--concurrency', '8', '--report', 'out.csv']);
 */
export function runOptions(args: readonly string[]): RunOptions {
  const tokenFlag = args.find((arg) => TOKEN_FLAGS.test(arg));
  if (tokenFlag !== undefined) {
    throw new UsageError(
      `there is no ${tokenFlag.split('=')[0]} flag: the access token is read from the environment (INTERCOM_TOKEN, or the variable --token-env names), so that it stays out of shell history`,
    );
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(argumentProblem(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (values.help) return { ...defaults(), help: true };
  if (positionals.length === 0) throw new UsageError('run needs the file of actions to run');
  if (positionals.length > 1) {
    throw new UsageError(
      `run takes one file of actions, but got ${positionals.length} arguments; put options after "--" only for a file whose name starts with "-"`,
    );
  }
  const input = positionals[0]!;
  if (values.journal !== undefined && values['no-journal']) {
    throw new UsageError('give --journal or --no-journal, not both');
  }
  if (values.region !== undefined && values['base-url'] !== undefined) {
    throw new UsageError('give --region or --base-url, not both');
  }
  const fake = values.fake ?? false;
  const journal = values['no-journal']
    ? undefined
    : (values.journal ?? `${input}${fake ? '.rehearsal' : ''}.journal`);
  const report = values.report === undefined ? undefined : reportOf(values.report);
  for (const [flag, path] of [
    ['--journal', journal],
    ['--report', report?.path],
  ] as const) {
    if (path !== undefined && resolve(path) === resolve(input)) {
      throw new UsageError(`${flag} names the input file itself, which it would overwrite`);
    }
  }
  if (journal !== undefined && report !== undefined && resolve(journal) === resolve(report.path)) {
    throw new UsageError('--report names the journal, which it would overwrite');
  }
  return {
    input,
    format: inputFormatOf(input, values.format),
    dryRun: values['dry-run'] ?? false,
    skipInvalid: values['skip-invalid'] ?? false,
    journal,
    resendAmbiguous: values['resend-ambiguous'] ?? false,
    report,
    concurrency: concurrencyOf(values.concurrency),
    target: fake
      ? { kind: 'fake' }
      : {
          kind: 'intercom',
          region: regionOf(values.region),
          baseUrl: values['base-url'],
          tokenEnv: tokenEnvOf(values['token-env']),
        },
    help: false,
  };
}

function defaults(): RunOptions {
  return {
    input: '',
    format: 'csv',
    dryRun: false,
    skipInvalid: false,
    journal: undefined,
    resendAmbiguous: false,
    report: undefined,
    concurrency: 4,
    target: { kind: 'fake' },
    help: false,
  };
}

function argumentProblem(error: Error & { code?: string }): string {
  // Node's messages name the option, never its value; their hints are for developers.
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? 'an option';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message)
        ? `${option} takes no value`
        : `${option} needs a value`;
    default:
      return error.message;
  }
}

function concurrencyOf(text: string | undefined): number {
  if (text === undefined) return 4;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > 64) {
    throw new UsageError(
      `--concurrency must be a whole number from 1 to 64, not ${JSON.stringify(text)}`,
    );
  }
  return value;
}

function regionOf(text: string | undefined): 'us' | 'eu' | 'au' | undefined {
  if (text === undefined || text === 'us' || text === 'eu' || text === 'au') return text;
  throw new UsageError(`--region must be us, eu or au, not ${JSON.stringify(text)}`);
}

function tokenEnvOf(text: string | undefined): string {
  if (text === undefined) return 'INTERCOM_TOKEN';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) {
    throw new UsageError(
      '--token-env must name an environment variable, such as MY_INTERCOM_TOKEN',
    );
  }
  return text;
}

function reportOf(path: string): { path: string; format: 'json' | 'csv' } {
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    throw new UsageError(`--report must name a .json or a .csv file, not ${JSON.stringify(path)}`);
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`--report ${path}: there is no folder ${folder}`);
  }
  return { path, format: extension === '.json' ? 'json' : 'csv' };
}
