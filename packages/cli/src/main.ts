import { InputError } from './errors/input-error.js';
import { JournalError } from './errors/journal-error.js';
import { UsageError } from './errors/usage-error.js';
import type { Output } from './output/output.js';
import type { Redact } from './output/redactor.js';
import { runCommand } from './run-command.js';
import { runOptions } from './run-options.js';
import { RUN_USAGE, USAGE } from './usage.js';

/**
 * The command line: `run`, `help`, `--help` and `--version`. Returns the exit code: 0 success,
 * 1 some lines failed, 2 bad input or usage, 130 interrupted.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), { output, env: process.env, redact, version: '1.0.0' });
 */
export async function main(
  args: readonly string[],
  context: { output: Output; env: NodeJS.ProcessEnv; redact: Redact; version: string },
): Promise<number> {
  const { output } = context;
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
        output.err(USAGE);
        return 2;
      case '-h':
      case '--help':
        output.out(USAGE);
        return 0;
      case 'help':
        output.out(rest[0] === 'run' ? RUN_USAGE : USAGE);
        return 0;
      case '-v':
      case '--version':
        output.out(context.version);
        return 0;
      case 'run': {
        const options = runOptions(rest);
        if (options.help) {
          output.out(RUN_USAGE);
          return 0;
        }
        return await runCommand({ options, output, env: context.env, redact: context.redact });
      }
      default:
        throw new UsageError(
          command.startsWith('-')
            ? `unknown option ${command.split('=')[0]}`
            : `unknown command ${JSON.stringify(command)}; the command is run`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`conversation-kit: ${error.message}`);
      output.err(`Run "conversation-kit ${command === 'run' ? 'run ' : ''}--help" for usage.`);
      return error.exitCode;
    }
    if (error instanceof InputError || error instanceof JournalError) {
      output.err(`conversation-kit: ${error.message}`);
      return error.exitCode;
    }
    output.err(`conversation-kit: unexpected error: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  }
}
