import type { JournalError } from '../errors/journal-error.js';
import type { ActionLine } from '../input/input-line.js';
import type { JournalWriter } from '../journal/journal-writer.js';
import type { Output } from '../output/output.js';
import { startProgressBar } from '../progress/progress-bar.js';
import { startProgressLines } from '../progress/progress-lines.js';
import type { ProgressSnapshot } from '../progress/progress-snapshot.js';
import type { Target } from '../target/open-target.js';
import type { Interrupts } from './interrupts.js';
import type { LineOutcome } from './line-outcome.js';
import { runLines } from './run-lines.js';
import type { SendingRecorder } from './sending-recorder.js';

/**
 * How a run of lines ended.
 *
 * @example
 * const { outcomes, exitCode } = await sendLines(lines, context);
 */
export interface SentLines {
  outcomes: Map<number, LineOutcome>;
  /** 130 or 143 when interrupted. */
  interruptedWith: number | undefined;
  journalFailure: JournalError | undefined;
  elapsedMs: number;
}

/**
 * Sends lines with progress shown and interruptions handled: the first Ctrl-C stops starting
 * lines, the second aborts those in flight.
 *
 * @example
 * const sent = await sendLines(lines, { target, recorder, journal, concurrency: 4, ambiguousEarlier, output, interrupts });
 */
export async function sendLines(
  lines: readonly ActionLine[],
  context: {
    target: Target;
    recorder: SendingRecorder;
    journal: JournalWriter | undefined;
    concurrency: number;
    ambiguousEarlier: ReadonlySet<number>;
    output: Output;
    interrupts: Interrupts;
  },
): Promise<SentLines> {
  const { output, interrupts } = context;
  const started = performance.now();
  const inFlight = new Set<number>();
  let done = 0;
  let failed = 0;
  let status: string | undefined;
  let journalFailure: JournalError | undefined;
  const say = (text: string): void => {
    status = text;
    // On a terminal the bar shows it; in a log it is a line of its own.
    if (!output.terminal) output.err(`conversation-kit: ${text}`);
  };
  const onStop = (): void =>
    say(
      `stopping: no new line starts; waiting for the ${inFlight.size} in flight (Ctrl-C again aborts them)`,
    );
  const onAbort = (): void => say(`aborting the ${inFlight.size} in flight`);
  // An interruption while the run was getting ready stops it before its first line.
  if (interrupts.stop.aborted) onStop();
  else interrupts.stop.addEventListener('abort', onStop, { once: true });
  interrupts.abort.addEventListener('abort', onAbort, { once: true });
  const snapshot = (): ProgressSnapshot => ({
    done,
    failed,
    total: lines.length,
    elapsedMs: performance.now() - started,
    rateLimit: context.target.conversations.rateLimit,
    status,
  });
  const view = output.terminal
    ? startProgressBar(snapshot, output.terminal)
    : startProgressLines(snapshot, output.err);
  let outcomes: Map<number, LineOutcome>;
  try {
    outcomes = await runLines(lines, {
      conversations: context.target.conversations,
      recorder: context.recorder,
      journal: context.journal,
      concurrency: context.concurrency,
      ambiguousEarlier: context.ambiguousEarlier,
      stopSignal: interrupts.stop,
      signal: interrupts.abort,
      onJournalFailure: (error) => {
        journalFailure ??= error;
        status = 'the journal cannot be written: stopping';
        interrupts.abortNow();
      },
      onSending: (line) => inFlight.add(line.line),
      onFinished: (line, outcome) => {
        inFlight.delete(line.line);
        done += 1;
        if (outcome.status !== 'done') failed += 1;
      },
    });
  } finally {
    view.stop();
    interrupts.stop.removeEventListener('abort', onStop);
    interrupts.abort.removeEventListener('abort', onAbort);
  }
  return {
    outcomes,
    interruptedWith: interrupts.exitCode,
    journalFailure,
    elapsedMs: performance.now() - started,
  };
}
