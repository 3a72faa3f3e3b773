import { rename, writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { Redact } from '../output/redactor.js';
import type { ReportRow } from './report-row.js';

/**
 * What a report says about the run as a whole, beside its rows.
 *
 * @example
 * const run: ReportRun = { input: 'actions.csv', target: 'https://api.intercom.io', dryRun: false, interrupted: false, exitCode: 0 };
 */
export interface ReportRun {
  input: string;
  target: string;
  dryRun: boolean;
  interrupted: boolean;
  exitCode: number;
}

const REPORT_COLUMNS: readonly (keyof ReportRow)[] = [
  'line',
  'id',
  'action',
  'status',
  'error',
  'code',
  'httpStatus',
  'mayHaveBeenApplied',
  'state',
  'adminAssigneeId',
  'teamAssigneeId',
  'snoozedUntil',
  'errorMessage',
];

/**
 * Writes the report, one row per line of the input, as JSON (`.json`: the run and its `lines`)
 * or CSV (`.csv`: one row per line, empty cells for nothing). It is written beside its place and
 * renamed into it, so a reader never sees half a report.
 *
 * @example
 * await writeReport({ path: 'report.csv', format: 'csv' }, run, rows, redact);
 */
export async function writeReport(
  report: { path: string; format: 'json' | 'csv' },
  run: ReportRun,
  rows: readonly ReportRow[],
  redact: Redact,
): Promise<void> {
  const text =
    report.format === 'json'
      ? `${JSON.stringify({ ...run, lines: rows }, null, 2)}\n`
      : stringify(
          rows.map((row) => REPORT_COLUMNS.map((column) => row[column] ?? '')),
          {
            header: true,
            columns: [...REPORT_COLUMNS],
            cast: { boolean: (value) => String(value) },
          },
        );
  const draft = `${report.path}.${process.pid}.tmp`;
  await writeFile(draft, redact(text));
  await rename(draft, report.path);
}
