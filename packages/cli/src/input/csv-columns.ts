import { InputError } from '../errors/input-error.js';

/**
 * The columns a CSV file of actions may have.
 *
 * @example
 * CSV_COLUMNS.join(','); // 'id,action,adminId,until,assigneeType,assigneeId,from,message'
 */
export const CSV_COLUMNS = [
  'id',
  'action',
  'adminId',
  'until',
  'assigneeType',
  'assigneeId',
  'from',
  'message',
] as const;

/**
 * One of the columns.
 *
 * @example
 * const column: CsvColumn = 'assigneeId';
 */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

// Spreadsheets write headers their own way: "Admin ID", "admin_id" and "adminId" are one column.
const normalized = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_NORMALIZED = new Map(CSV_COLUMNS.map((column) => [normalized(column), column]));

/**
 * Maps a header row to the position of each known column, in any order. Throws `InputError`
 * naming the line and the column for an unknown or repeated column, or when `id` or `action` is
 * missing.
 *
 * @example
 * csvColumns(['ID', 'action', 'admin_id'], 'actions.csv', 1); // Map { id → 0, action → 1, adminId → 2 }
 */
export function csvColumns(
  header: readonly string[],
  file: string,
  line: number,
): Map<CsvColumn, number> {
  const columns = new Map<CsvColumn, number>();
  header.forEach((name, index) => {
    const column = BY_NORMALIZED.get(normalized(name));
    if (column === undefined) {
      throw new InputError(
        `${file} line ${line}: the column ${JSON.stringify(name.trim())} is not one of ${CSV_COLUMNS.join(', ')}`,
      );
    }
    if (columns.has(column)) {
      throw new InputError(`${file} line ${line}: the column ${column} appears twice`);
    }
    columns.set(column, index);
  });
  for (const required of ['id', 'action'] as const) {
    if (!columns.has(required)) {
      throw new InputError(
        `${file} line ${line}: the header has no ${required} column; expected a header such as ${CSV_COLUMNS.join(',')}`,
      );
    }
  }
  return columns;
}

/**
 * The column to blame for a field the library names: an assignee is two columns in a CSV file.
 *
 * @example
 * csvColumnOf('assignee.id'); // 'assigneeId'
 */
export function csvColumnOf(field: string): string {
  if (field === 'assignee.type') return 'assigneeType';
  if (field === 'assignee.id') return 'assigneeId';
  if (field === 'assignee') return 'assigneeType and assigneeId';
  return field;
}
