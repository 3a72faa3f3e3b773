import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors/input-error.js';
import { csvColumns, type CsvColumn } from './csv-columns.js';
import type { InputLine } from './input-line.js';
import { UNTIL_EXPECTED, untilFromText } from './until-value.js';

interface ParsedRecord {
  record: string[];
  /** Where the record ends, in bytes of the text, its line break included. */
  info: { bytes: number };
}

/**
 * Reads CSV with a header row naming the columns `id, action, adminId, until, assigneeType,
 * assigneeId, from, message` in any order (only `id` and `action` are required). Quoted fields
 * may hold delimiters, quotes (`""`) and line breaks; a byte order mark and CRLF line ends are
 * fine; a header with semicolons or tabs and no comma sets the delimiter. Empty cells are absent
 * fields. Throws `InputError`, naming the line, when the file is not CSV or the header is wrong.
 *
 * @example
 * csvLines('id,action,adminId\r\n123,open,991267\r\n', 'actions.csv');
 * // [{ line: 2, id: '123', fields: { action: 'open', adminId: '991267' } }]
 */
export function csvLines(text: string, file: string): InputLine[] {
  const bytes = Buffer.from(text);
  let records: ParsedRecord[];
  try {
    records = parse(bytes, {
      bom: true,
      info: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const at = typeof error['bytes'] === 'number' ? error['bytes'] : bytes.length;
      throw new InputError(
        `${file} line ${new LineCounter(bytes).lineAt(at)}: ${csvProblem(error)}`,
      );
    }
    throw error;
  }
  // csv-parse counts a CRLF inside a quoted field as two lines; its byte offsets are exact.
  const counter = new LineCounter(bytes);
  const [header, ...rows] = records;
  if (header === undefined) return [];
  const columns = csvColumns(header.record, file, counter.startOfNextRecord());
  counter.advanceTo(header.info.bytes);
  const lines: InputLine[] = [];
  for (const { record, info } of rows) {
    const line = counter.startOfNextRecord();
    counter.advanceTo(info.bytes);
    if (record.every((cell) => cell.trim() === '')) continue;
    lines.push(csvLine(record, line, columns));
  }
  return lines;
}

// Turns byte offsets into line numbers, reading the text once from start to end.
class LineCounter {
  #offset = 0;
  #line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** The line of the byte at this offset. */
  lineAt(offset: number): number {
    this.advanceTo(Math.min(offset, this.bytes.length));
    return this.#line;
  }

  advanceTo(offset: number): void {
    for (; this.#offset < offset; this.#offset += 1) {
      if (this.bytes[this.#offset] === 0x0a) this.#line += 1;
    }
  }

  /** The line the next record starts on, past the empty lines before it. */
  startOfNextRecord(): number {
    for (;;) {
      const byte = this.bytes[this.#offset];
      if (byte === 0x0d && this.bytes[this.#offset + 1] === 0x0a) this.advanceTo(this.#offset + 2);
      else if (byte === 0x0a) this.advanceTo(this.#offset + 1);
      else return this.#line;
    }
  }
}

function csvLine(record: string[], line: number, columns: Map<CsvColumn, number>): InputLine {
  if (record.length > columns.size) {
    return {
      line,
      unreadable: {
        line,
        field: undefined,
        problem: `has ${record.length} fields, but the header has ${columns.size} columns`,
        expected: 'one field per column; quote a field that holds the delimiter',
      },
    };
  }
  const cell = (column: CsvColumn): string | undefined => {
    const index = columns.get(column);
    const value = index === undefined ? undefined : record[index];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const trimmed = (column: CsvColumn): string | undefined => cell(column)?.trim();
  const fields: Record<string, unknown> = {};
  const set = (name: string, value: unknown): void => {
    if (value !== undefined) fields[name] = value;
  };
  set('action', trimmed('action'));
  set('adminId', trimmed('adminId'));
  const untilText = trimmed('until');
  if (untilText !== undefined) {
    const until = untilFromText(untilText);
    if (until === undefined) {
      return {
        line,
        unreadable: {
          line,
          field: 'until',
          problem: `is "${untilText}"`,
          expected: UNTIL_EXPECTED,
        },
      };
    }
    fields['until'] = until;
  }
  const assigneeType = trimmed('assigneeType');
  const assigneeId = trimmed('assigneeId');
  if (assigneeType !== undefined || assigneeId !== undefined) {
    fields['assignee'] = {
      ...(assigneeType === undefined ? {} : { type: assigneeType }),
      ...(assigneeId === undefined ? {} : { id: assigneeId }),
    };
  }
  set('from', trimmed('from'));
  // A message is kept as written, its spaces and line breaks the author's; a blank one is the
  // library's to refuse, rather than a close without the message the author meant to leave.
  const messageIndex = columns.get('message');
  const message = messageIndex === undefined ? undefined : record[messageIndex];
  if (message !== undefined && message !== '') fields['message'] = message;
  return { line, id: trimmed('id'), fields };
}

function delimiterOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted field goes on after its closing quote; expected the delimiter next (write "" for a quote inside a quoted field)';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed; expected a closing quote';
    default:
      return error.message;
  }
}
