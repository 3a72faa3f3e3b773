import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A row of a report, as the JSON report holds it. */
export interface ReportLine {
  line: number;
  id: string;
  action: string;
  status: string;
  error: string | null;
  code: string | null;
  httpStatus: number | null;
  mayHaveBeenApplied: boolean;
  state: string | null;
  adminAssigneeId: number | null;
  teamAssigneeId: number | null;
  snoozedUntil: number | null;
  errorMessage: string | null;
}

/** A JSON report, parsed. */
export function jsonReport(path: string): {
  input: string;
  target: string;
  dryRun: boolean;
  interrupted: boolean;
  exitCode: number;
  lines: ReportLine[];
} {
  return JSON.parse(readFileSync(path, 'utf8')) as ReturnType<typeof jsonReport>;
}

/** A CSV report, parsed into records by its header. */
export function csvReport(path: string): Array<Record<string, string>> {
  return parse(readFileSync(path, 'utf8'), { columns: true }) as Array<Record<string, string>>;
}
