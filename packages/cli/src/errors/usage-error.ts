/**
 * The command line itself is wrong: an unknown flag, a missing argument, a value out of range.
 * The command prints the message with a pointer to `--help` and exits 2; nothing is sent.
 *
 * @example
 * throw new UsageError('--concurrency must be a whole number from 1 to 64, not "0"');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}
