import { checkLine } from '../input/check-line.js';
import {
  lineLabel,
  type ActionLine,
  type InputLine,
  type InvalidLine,
} from '../input/input-line.js';
import type { ErrorSummary, LineRecord, ResultingState } from '../journal/journal-record.js';
import { postsMessage } from './posts-message.js';

/**
 * What a run does with one line of the input, given what the journal says of it:
 * - `send`: send it (`again` says why a line the journal knows is sent once more);
 * - `done-earlier`: an earlier run did it; skip it;
 * - `held`: an earlier run may have applied it, and it posts a message: not sent unless
 *   `--resend-ambiguous`, as sending it again could post the message twice;
 * - `invalid`: it cannot be sent.
 *
 * @example
 * const plan: LinePlan = { kind: 'send', line: 7, id: '123', action: 'close', actionLine, again: undefined };
 */
export type LinePlan = { line: number; id: string; action: string } & (
  | {
      kind: 'send';
      actionLine: ActionLine;
      again: 'failed' | 'interrupted' | 'ambiguous' | undefined;
    }
  | { kind: 'done-earlier'; result: ResultingState }
  | { kind: 'held'; actionLine: ActionLine; earlier: ErrorSummary | undefined }
  | { kind: 'invalid'; invalid: InvalidLine }
);

/**
 * Plans every line: lines done in the journal are skipped without being validated again (a
 * snooze time may have passed since), the others are validated now.
 *
 * @example
 * const plans = planLines(input.lines, journal.lines, { now: Date.now(), resendAmbiguous: false, columnOf });
 */
export function planLines(
  lines: readonly InputLine[],
  journal: ReadonlyMap<number, LineRecord>,
  options: { now: number; resendAmbiguous: boolean; columnOf: (field: string) => string },
): LinePlan[] {
  return lines.map((input) => {
    const label = { line: input.line, ...lineLabel(input) };
    const record = journal.get(input.line);
    if (record?.state === 'done') return { ...label, kind: 'done-earlier', result: record.result };
    const checked = checkLine(input, options.now, options.columnOf);
    if (!checked.ok) return { ...label, kind: 'invalid', invalid: checked.invalid };
    const actionLine = checked.line;
    if (record === undefined) return { ...label, kind: 'send', actionLine, again: undefined };
    if (record.state === 'failed') return { ...label, kind: 'send', actionLine, again: 'failed' };
    // Left at `sending` (the run was killed) or failed ambiguously: it may have been applied.
    const again = record.state === 'sending' ? 'interrupted' : 'ambiguous';
    if (!postsMessage(actionLine.action) || options.resendAmbiguous) {
      return { ...label, kind: 'send', actionLine, again };
    }
    const earlier = record.state === 'ambiguous' ? record.error : undefined;
    return { ...label, kind: 'held', actionLine, earlier };
  });
}
