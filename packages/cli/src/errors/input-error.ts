/**
 * The input file cannot be used: unreadable, in an unknown format, without actions, or with
 * invalid lines. The command prints the message and exits 2; nothing is sent.
 *
 * @example
 * throw new InputError('actions.csv has no actions');
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly exitCode = 2;
}
