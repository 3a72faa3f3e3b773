/**
 * The journal cannot be used for this run: it belongs to another input or target, it is not a
 * journal, another process holds it, or it cannot be written. The command exits 2 and sends
 * nothing, so the journal's record of what was done stays true.
 *
 * @example
 * throw new JournalError('actions.csv.journal was written for another version of actions.csv');
 */
export class JournalError extends Error {
  override readonly name = 'JournalError';
  readonly exitCode = 2;
}
