import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS } from '../input/csv-columns.js';
import { ADMIN, TEAM } from './workspace.js';

/**
 * A CSV file of actions with the standard header.
 *
 * @example
 * csvFile([{ id: '1', action: 'close', adminId: '991267' }]);
 */
export function csvFile(rows: ReadonlyArray<Record<string, string | number>>): string {
  return stringify(
    rows.map((row) => CSV_COLUMNS.map((column) => row[column] ?? '')),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

/**
 * A JSON Lines file: one object per line.
 *
 * @example
 * jsonLinesFile([{ id: '1', action: 'open', adminId: '991267' }]);
 */
export function jsonLinesFile(rows: readonly unknown[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/** The records of a journal, parsed (a torn last line left out). */
export function journalRecords(path: string): Array<Record<string, unknown>> {
  const text = readFileSync(path, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Each line's last state in a journal. */
export function journalStates(path: string): Map<number, string> {
  const states = new Map<number, string>();
  for (const record of journalRecords(path)) {
    if (typeof record['line'] === 'number') states.set(record['line'], String(record['state']));
  }
  return states;
}

/**
 * The ids "1" to "count".
 *
 * @example
 * conversationIds(3); // ['1', '2', '3']
 */
export function conversationIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(index + 1));
}

/**
 * Lines about conversations 1 to `count`: odd ones closed with a message (which a repeat would
 * post twice), even ones assigned to the team (which converges).
 *
 * @example
 * csvFile(closeOrAssign(40));
 */
export function closeOrAssign(count: number): Array<Record<string, string>> {
  return conversationIds(count).map((id) =>
    Number(id) % 2 === 1
      ? { id, action: 'close', adminId: ADMIN, message: `Closing ${id}: the inbox is retired.` }
      : { id, action: 'assign', adminId: ADMIN, assigneeType: 'team', assigneeId: TEAM },
  );
}
