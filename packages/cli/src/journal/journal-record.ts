/**
 * The first record of a journal: what it belongs to. A journal is used again only with the same
 * input, byte for byte, and the same target, so that its line numbers still mean the same actions.
 *
 * @example
 * const header: JournalHeader = { journal: 'conversation-kit', version: 1, input: { file: 'a.csv', sha256: '…' }, target: 'https://api.intercom.io', created: '…' };
 */
export interface JournalHeader {
  journal: 'conversation-kit';
  version: 1;
  input: { file: string; sha256: string };
  /** The API server, or `fake` for a rehearsal. */
  target: string;
  created: string;
}

/**
 * What a line did to its conversation: the state and assignees the API answered with.
 *
 * @example
 * const result: ResultingState = { state: 'closed', adminAssigneeId: 991267, teamAssigneeId: null, snoozedUntil: null };
 */
export interface ResultingState {
  state: 'open' | 'closed' | 'snoozed';
  adminAssigneeId: number | null;
  teamAssigneeId: number | null;
  snoozedUntil: number | null;
}

/**
 * A failure, as the journal and the report keep it: the error's class, Intercom's error code and
 * HTTP status when there was an answer, its message, and whether the action may have been applied.
 *
 * @example
 * const error: ErrorSummary = { name: 'NotFoundError', code: 'not_found', status: 404, message: '…', mayHaveBeenApplied: false };
 */
export interface ErrorSummary {
  name: string;
  code: string | null;
  status: number | null;
  message: string;
  mayHaveBeenApplied: boolean;
}

/**
 * What happened to one line. `sending` is written and flushed before each request; `done`,
 * `failed` (not applied: safe to send again) or `ambiguous` (may have been applied) after it.
 *
 * @example
 * const record: LineRecord = { line: 7, state: 'sending', at: new Date().toISOString() };
 */
export type LineRecord =
  | { line: number; state: 'sending'; at: string }
  | { line: number; state: 'done'; at: string; result: ResultingState }
  | { line: number; state: 'failed' | 'ambiguous'; at: string; error: ErrorSummary };

/**
 * The start and end of one run of the command on the journal, for whoever reads it later.
 *
 * @example
 * const record: RunRecord = { run: 'end', at: '…', interrupted: true, done: 40, failed: 0, notStarted: 960 };
 */
export type RunRecord =
  | { run: 'start'; at: string; pid: number; concurrency: number }
  | {
      run: 'end';
      at: string;
      interrupted: boolean;
      done: number;
      failed: number;
      notStarted: number;
    };

/**
 * Checks that a parsed journal line is a record this command writes, and returns it typed.
 *
 * @example
 * journalRecordOf(JSON.parse('{"line":7,"state":"sending","at":"…"}')); // a LineRecord
 * journalRecordOf({ line: 'seven' }); // undefined
 */
export function journalRecordOf(value: unknown): LineRecord | RunRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record['run'] === 'start' || record['run'] === 'end') return record as RunRecord;
  if (!Number.isSafeInteger(record['line']) || typeof record['at'] !== 'string') return undefined;
  switch (record['state']) {
    case 'sending':
      return record as LineRecord;
    case 'done':
      return isObject(record['result']) ? (record as LineRecord) : undefined;
    case 'failed':
    case 'ambiguous':
      return isObject(record['error']) ? (record as LineRecord) : undefined;
    default:
      return undefined;
  }
}

/**
 * Checks that a parsed first line is a journal's header.
 *
 * @example
 * journalHeaderOf({ journal: 'conversation-kit', version: 1, … }); // the header
 */
export function journalHeaderOf(value: unknown): JournalHeader | undefined {
  if (!isObject(value)) return undefined;
  const header = value as Partial<JournalHeader>;
  if (header.journal !== 'conversation-kit' || header.version !== 1) return undefined;
  if (!isObject(header.input) || typeof header.input.sha256 !== 'string') return undefined;
  return typeof header.target === 'string' ? (header as JournalHeader) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
