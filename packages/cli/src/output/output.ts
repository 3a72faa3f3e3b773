import type { Redact } from './redactor.js';

/**
 * Where the command writes: results (the plan, the summary) to stdout, diagnostics and progress
 * to stderr, every line through the redactor.
 *
 * @example
 * output.out('done 998, failed 2');
 * output.err('conversation-kit: stopping…');
 */
export interface Output {
  /** Writes a line of results to stdout. */
  out(line: string): void;
  /** Writes a line of diagnostics to stderr. */
  err(line: string): void;
  /** stderr when it is a terminal, for the progress bar; otherwise progress is plain lines. */
  readonly terminal: NodeJS.WriteStream | undefined;
}

/**
 * The process's own stdout and stderr, redacted.
 *
 * @example
 * const output = processOutput(redact);
 */
export function processOutput(redact: Redact): Output {
  // A reader that goes away (`| head`) is no reason to crash in the middle of a run.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    out: (line) => void process.stdout.write(`${redact(line)}\n`),
    err: (line) => void process.stderr.write(`${redact(line)}\n`),
    terminal: process.stderr.isTTY ? process.stderr : undefined,
  };
}
