import { InputError } from './errors/input-error.js';
import { readInputFile, type InputFile } from './input/read-input-file.js';
import {
  readJournal,
  type JournalBinding,
  type JournalContents,
} from './journal/journal-contents.js';
import { lockJournal } from './journal/journal-lock.js';
import { JournalWriter } from './journal/journal-writer.js';
import type { Output } from './output/output.js';
import type { Redact } from './output/redactor.js';
import { planLines, type LinePlan } from './plan/line-plan.js';
import { printInvalidLines, printPlan } from './plan/print-plan.js';
import { printSummary } from './report/print-summary.js';
import { reportRow, type ReportRow } from './report/report-row.js';
import { writeReport } from './report/write-report.js';
import type { RunOptions } from './run-options.js';
import type { LineOutcome } from './run/line-outcome.js';
import type { ActionLine } from './input/input-line.js';
import { watchInterrupts, type Interrupts } from './run/interrupts.js';
import { sendLines, type SentLines } from './run/send-lines.js';
import { SendingRecorder } from './run/sending-recorder.js';
import { openTarget, tokenFrom } from './target/open-target.js';
import { describeTarget, targetName } from './target/target-choice.js';

const NO_JOURNAL: JournalContents = {
  header: undefined,
  lines: new Map(),
  wholeBytes: 0,
  fileBytes: 0,
};

interface RunContext {
  options: RunOptions;
  output: Output;
  env: NodeJS.ProcessEnv;
  redact: Redact;
}

/**
 * `conversation-kit run`: reads and validates the file, consults the journal, then prints the
 * plan (dry run) or sends, and reports. Returns the exit code.
 *
 * @example
 * const code = await runCommand({ options: runOptions(['actions.csv']), output, env: process.env, redact });
 */
export async function runCommand(context: RunContext): Promise<number> {
  const { options, output } = context;
  const { target: choice } = options;
  // A missing token is found before the file is read, rather than after a long validation.
  if (!options.dryRun && choice.kind === 'intercom') tokenFrom(context.env, choice.tokenEnv);
  const input = await readInputFile(options.input, options.format);
  if (input.lines.length === 0) throw new InputError(`${input.path} has no actions`);
  const binding = { file: input.path, sha256: input.sha256, target: targetName(choice) };
  const release =
    options.journal !== undefined && !options.dryRun ? lockJournal(options.journal) : undefined;
  try {
    const contents =
      options.journal === undefined ? NO_JOURNAL : readJournal(options.journal, binding);
    const plans = planLines(input.lines, contents.lines, {
      now: Date.now(),
      resendAmbiguous: options.resendAmbiguous,
      columnOf: input.columnOf,
    });
    const invalid = plans.some((plan) => plan.kind === 'invalid');
    if (invalid) printInvalidLines(plans, input.path, options.skipInvalid, output);
    if (invalid && !options.skipInvalid) {
      await report(context, input, plans, new Map(), { exitCode: 2, interrupted: false });
      return 2;
    }
    if (options.dryRun) {
      printPlan(plans, { input: input.path, target: describeTarget(choice) }, output);
      await report(context, input, plans, new Map(), { exitCode: 0, interrupted: false });
      return 0;
    }
    return await send(context, input, plans, { contents, binding });
  } finally {
    release?.();
  }
}

async function send(
  context: RunContext,
  input: InputFile,
  plans: readonly LinePlan[],
  journaled: { contents: JournalContents; binding: JournalBinding },
): Promise<number> {
  const { options, output } = context;
  const lines = plans.flatMap((plan) => (plan.kind === 'send' ? [plan.actionLine] : []));
  let sent: (SentLines & { where: string }) | undefined;
  if (lines.length > 0) {
    // Watched from before the target opens, so a Ctrl-C while it starts ends the run cleanly.
    const interrupts = watchInterrupts();
    try {
      sent = await sendTo(context, input, plans, journaled, { lines, interrupts });
    } finally {
      interrupts.dispose();
    }
  }
  if (sent?.journalFailure) {
    output.err(`conversation-kit: ${sent.journalFailure.message}; the run stopped`);
  }
  const outcomes = sent?.outcomes ?? new Map<number, LineOutcome>();
  const interrupted = sent?.interruptedWith !== undefined;
  const rows = plans.map((plan) => reportRow(plan, outcomes.get(plan.line), 'not-started'));
  const succeeded =
    !sent?.journalFailure &&
    rows.every((row) => row.status === 'done' || row.status === 'done-earlier');
  const exitCode = sent?.interruptedWith ?? (succeeded ? 0 : 1);
  await report(context, input, plans, outcomes, { exitCode, interrupted });
  printSummary(
    {
      input: input.path,
      target: sent?.where ?? describeTarget(options.target),
      elapsedMs: sent?.elapsedMs ?? 0,
      sent: lines.length,
      rows,
      interrupted,
      journal: options.journal,
      report: options.report?.path,
    },
    output,
  );
  return exitCode;
}

async function sendTo(
  context: RunContext,
  input: InputFile,
  plans: readonly LinePlan[],
  journaled: { contents: JournalContents; binding: JournalBinding },
  run: { lines: ActionLine[]; interrupts: Interrupts },
): Promise<SentLines & { where: string }> {
  const { options, output } = context;
  const held = plans.flatMap((plan) => (plan.kind === 'held' ? [plan.actionLine] : []));
  const recorder = new SendingRecorder();
  const target = await openTarget(
    options.target,
    [...run.lines, ...held],
    context.env,
    recorder.fetch,
  );
  try {
    const journal =
      options.journal === undefined
        ? undefined
        : JournalWriter.open(
            options.journal,
            journaled.contents,
            journaled.binding,
            context.redact,
          );
    try {
      journal?.append({
        run: 'start',
        at: new Date().toISOString(),
        pid: process.pid,
        concurrency: options.concurrency,
      });
      output.err(
        `conversation-kit: sending ${run.lines.length} of ${plans.length} lines of ${input.path} to ${target.description}`,
      );
      const sent = await sendLines(run.lines, {
        target,
        recorder,
        journal,
        concurrency: options.concurrency,
        ambiguousEarlier: ambiguousEarlier(plans),
        output,
        interrupts: run.interrupts,
      });
      endRun(journal, sent);
      return { ...sent, where: target.description };
    } finally {
      journal?.close();
    }
  } finally {
    await target.close();
  }
}

// Lines an earlier run may have applied stay "may have been applied" until they are done.
function ambiguousEarlier(plans: readonly LinePlan[]): Set<number> {
  return new Set(
    plans.flatMap((plan) =>
      plan.kind === 'send' && (plan.again === 'interrupted' || plan.again === 'ambiguous')
        ? [plan.line]
        : [],
    ),
  );
}

function endRun(journal: JournalWriter | undefined, sent: SentLines): void {
  const outcomes = [...sent.outcomes.values()];
  const count = (...statuses: LineOutcome['status'][]): number =>
    outcomes.filter((outcome) => statuses.includes(outcome.status)).length;
  try {
    journal?.append({
      run: 'end',
      at: new Date().toISOString(),
      interrupted: sent.interruptedWith !== undefined,
      done: count('done'),
      failed: count('failed', 'may-have-been-applied'),
      notStarted: count('not-started'),
    });
  } catch {
    // Resuming relies on the lines' records, which are on disk already.
  }
}

async function report(
  context: RunContext,
  input: InputFile,
  plans: readonly LinePlan[],
  outcomes: ReadonlyMap<number, LineOutcome>,
  run: { exitCode: number; interrupted: boolean },
): Promise<ReportRow[]> {
  const { options } = context;
  const unsent = options.dryRun ? 'planned' : 'not-started';
  const rows = plans.map((plan) => reportRow(plan, outcomes.get(plan.line), unsent));
  if (options.report !== undefined) {
    await writeReport(
      options.report,
      { input: input.path, target: targetName(options.target), dryRun: options.dryRun, ...run },
      rows,
      context.redact,
    );
  }
  return rows;
}
