import type { Output } from '../output/output.js';
import { duration } from '../progress/progress-snapshot.js';
import type { ReportRow, ReportStatus } from './report-row.js';

/**
 * What the summary of a run tells.
 *
 * @example
 * printSummary({ input: 'actions.csv', target, elapsedMs, sent: 1000, rows, interrupted: false, journal, report: undefined }, output);
 */
export interface RunSummary {
  input: string;
  target: string;
  elapsedMs: number;
  /** How many lines this run set out to send. */
  sent: number;
  rows: readonly ReportRow[];
  interrupted: boolean;
  journal: string | undefined;
  report: string | undefined;
}

const LISTED = 10;

const WORDS: Record<ReportStatus, string> = {
  done: 'done',
  'done-earlier': 'done earlier',
  failed: 'failed',
  'may-have-been-applied': 'may have been applied',
  'not-started': 'not started',
  invalid: 'invalid (skipped)',
  planned: 'planned',
};

/**
 * Prints the summary of a run on stdout: the counts by outcome, the lines that did not succeed
 * (the first ten of each kind), and what to do next.
 *
 * @example
 * printSummary(summary, output);
 * // Ran actions.csv against https://api.intercom.io in 1m 05s: 998 done, 2 failed.
 */
export function printSummary(summary: RunSummary, output: Output): void {
  const counts = new Map<ReportStatus, number>();
  for (const row of summary.rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const figures = [...counts].map(([status, count]) => `${count} ${WORDS[status]}`).join(', ');
  output.out(
    summary.sent > 0
      ? `${summary.interrupted ? 'Interrupted' : 'Ran'} ${summary.input} against ${summary.target} in ${duration(summary.elapsedMs / 1000)}: ${figures}.`
      : `Nothing to send in ${summary.input}: ${figures}.`,
  );
  for (const status of ['failed', 'may-have-been-applied'] as const) {
    const rows = summary.rows.filter((row) => row.status === status);
    if (rows.length === 0) continue;
    output.out(
      `${rows.length === 1 ? 'Line' : 'Lines'} that ${status === 'failed' ? 'failed' : 'may have been applied'}:`,
    );
    for (const row of rows.slice(0, LISTED)) {
      const what = [row.error, row.code].filter((part) => part !== null).join(' ');
      output.out(
        `  line ${row.line} (${row.action} ${row.id}): ${what}: ${row.errorMessage ?? ''}`,
      );
    }
    if (rows.length > LISTED) {
      output.out(
        `  … and ${rows.length - LISTED} more${summary.report ? ` (see ${summary.report})` : '; --report lists them all'}`,
      );
    }
  }
  for (const hint of hints(summary, counts)) output.out(hint);
}

function hints(summary: RunSummary, counts: Map<ReportStatus, number>): string[] {
  const hints: string[] = [];
  const count = (status: ReportStatus): number => counts.get(status) ?? 0;
  if (count('may-have-been-applied') > 0) {
    hints.push(
      'Check the lines that may have been applied in Intercom: running again sends those that converge, but not those that post a message unless --resend-ambiguous is given (the message could be posted twice).',
    );
  }
  const again = count('failed') + count('not-started');
  if (again > 0 && summary.journal !== undefined) {
    hints.push(
      `Run the same command again to send the ${again} failed or not started ${again === 1 ? 'line' : 'lines'}; the journal ${summary.journal} skips those done.`,
    );
  } else if (again > 0) {
    hints.push('Without a journal, running again sends every line again.');
  }
  if (summary.sent === 0 && count('done-earlier') > 0 && summary.journal !== undefined) {
    hints.push(
      `The journal ${summary.journal} records ${count('done-earlier') === summary.rows.length ? 'every line' : 'those lines'} as done; give another --journal to send them again.`,
    );
  }
  if (summary.report !== undefined) hints.push(`Report: ${summary.report}`);
  return hints;
}
