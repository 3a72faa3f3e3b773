import {
  AbortError,
  type Conversations,
  type ManageManyOutcome,
} from '@conversation-kit/conversations';
import { JournalError } from '../errors/journal-error.js';
import type { ActionLine } from '../input/input-line.js';
import type { JournalWriter } from '../journal/journal-writer.js';
import { errorSummary, resultingState, type LineOutcome } from './line-outcome.js';
import { rounds } from './rounds.js';
import type { SendingRecorder } from './sending-recorder.js';

/**
 * What a run needs: the client (whose `fetch` is the recorder's), the journal (or none), and the
 * two signals: `stopSignal` (the first Ctrl-C: start nothing new) and `signal` (the second:
 * abort what is in flight).
 *
 * @example
 * const options: RunLinesOptions = { conversations, recorder, journal, concurrency: 4, ambiguousEarlier: new Set(), stopSignal, signal, onJournalFailure, onSending, onFinished };
 */
export interface RunLinesOptions {
  conversations: Conversations;
  recorder: SendingRecorder;
  journal: JournalWriter | undefined;
  concurrency: number;
  /**
   * Lines an earlier run may have applied. A failure now that applied nothing does not make
   * them safe to send again: they stay `ambiguous`.
   */
  ambiguousEarlier: ReadonlySet<number>;
  stopSignal: AbortSignal;
  signal: AbortSignal;
  /** Called when the journal cannot be written: the run must stop at once. */
  onJournalFailure: (error: JournalError) => void;
  /** Called just before each request of a line leaves (its `sending` record is on disk). */
  onSending: (line: ActionLine) => void;
  /** Called as each line finishes, in the order they finish. */
  onFinished: (line: ActionLine, outcome: LineOutcome) => void;
}

/**
 * Sends lines with `manageMany`, round by round (see `rounds`), keeping the journal: `sending`
 * flushed before each request, then `done`, `failed` or `ambiguous` as each line finishes.
 * Returns every line's outcome; lines the stop kept from starting are `not-started`.
 *
 * @example
 * const outcomes = await runLines(lines, { conversations, recorder, journal, concurrency: 4, … });
 */
export async function runLines(
  lines: readonly ActionLine[],
  options: RunLinesOptions,
): Promise<Map<number, LineOutcome>> {
  const { conversations, recorder, journal, stopSignal, signal } = options;
  const outcomes = new Map<number, LineOutcome>();
  const sent = new Set<number>();
  const write = (record: Parameters<JournalWriter['append']>[0]): void => {
    try {
      journal?.append(record);
    } catch (error) {
      if (error instanceof JournalError) options.onJournalFailure(error);
      throw error;
    }
  };

  for (const round of rounds(lines)) {
    if (stopSignal.aborted || signal.aborted) break;
    recorder.route(
      new Map(
        round.map((line) => [
          String(line.id),
          () => {
            write({ line: line.line, state: 'sending', at: new Date().toISOString() });
            sent.add(line.line);
            options.onSending(line);
          },
        ]),
      ),
    );
    const finish = (outcome: ManageManyOutcome): void => {
      const line = round[outcome.index]!;
      const result = lineOutcome(
        outcome,
        sent.has(line.line),
        options.ambiguousEarlier.has(line.line),
      );
      outcomes.set(line.line, result);
      const at = new Date().toISOString();
      try {
        if (result.status === 'done')
          write({ line: line.line, state: 'done', at, result: result.result });
        else if (result.status === 'failed')
          write({ line: line.line, state: 'failed', at, error: result.error });
        else if (result.status === 'may-have-been-applied') {
          write({ line: line.line, state: 'ambiguous', at, error: result.error });
        }
      } catch {
        // Reported through onJournalFailure; the line stays `sending` in the journal, which a
        // later run treats as "may have been applied": the safe side.
      }
      if (result.status !== 'not-started') options.onFinished(line, result);
    };
    await conversations.manageMany(
      round.map((line) => ({ id: line.id, action: line.action })),
      {
        concurrency: options.concurrency,
        stopSignal,
        signal,
        onProgress: ({ outcome }) => finish(outcome),
      },
    );
  }
  for (const line of lines) {
    if (!outcomes.has(line.line)) outcomes.set(line.line, { status: 'not-started' });
  }
  return outcomes;
}

function lineOutcome(
  outcome: ManageManyOutcome,
  sent: boolean,
  ambiguousEarlier: boolean,
): LineOutcome {
  if (outcome.ok) return { status: 'done', result: resultingState(outcome.conversation) };
  const { error } = outcome;
  if (error instanceof AbortError && !error.mayHaveBeenApplied && !sent) {
    return { status: 'not-started' };
  }
  const mayHaveBeenApplied = error.mayHaveBeenApplied || ambiguousEarlier;
  return {
    status: mayHaveBeenApplied ? 'may-have-been-applied' : 'failed',
    error: { ...errorSummary(error), mayHaveBeenApplied },
  };
}
