import { readFileSync, statSync } from 'node:fs';
import { JournalError } from '../errors/journal-error.js';
import {
  journalHeaderOf,
  journalRecordOf,
  type JournalHeader,
  type LineRecord,
} from './journal-record.js';

/**
 * What a journal must belong to: the input's content and the target.
 *
 * @example
 * const binding: JournalBinding = { file: 'actions.csv', sha256: input.sha256, target: 'https://api.intercom.io' };
 */
export interface JournalBinding {
  file: string;
  sha256: string;
  target: string;
}

/**
 * A journal as read: each line's last record, and how many bytes of it are whole records (a
 * process killed while writing may leave a torn last line, which counts as never written: the
 * request it announced was not sent, as the record is flushed before sending).
 *
 * @example
 * const { lines } = readJournal('actions.csv.journal', binding);
 * lines.get(7)?.state; // 'done'
 */
export interface JournalContents {
  header: JournalHeader | undefined;
  lines: ReadonlyMap<number, LineRecord>;
  /** The length in bytes of the whole records; anything after it is torn. */
  wholeBytes: number;
  /** The length of the file in bytes, 0 when there is none. */
  fileBytes: number;
}

/**
 * Reads a journal, if there is one, and checks it belongs to this input and target. Throws
 * `JournalError` when it belongs to something else or is damaged before its last line.
 *
 * @example
 * const contents = readJournal(path, { file, sha256, target });
 */
export function readJournal(path: string, binding: JournalBinding): JournalContents {
  let bytes: Buffer;
  try {
    // A device or a pipe would read forever, or take records nobody can read back.
    if (!statSync(path).isFile()) throw new JournalError(`the journal ${path} is not a file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof JournalError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { header: undefined, lines: new Map(), wholeBytes: 0, fileBytes: 0 };
    }
    throw new JournalError(`cannot read the journal ${path}: ${(error as Error).message}`);
  }
  const wholeBytes = bytes.lastIndexOf(0x0a) + 1;
  const records = bytes.subarray(0, wholeBytes).toString('utf8').split('\n').slice(0, -1);
  if (records.length === 0) {
    return { header: undefined, lines: new Map(), wholeBytes: 0, fileBytes: bytes.length };
  }
  const header = journalHeaderOf(parsed(records[0]!));
  if (header === undefined) {
    throw new JournalError(
      `${path} is not a conversation-kit journal; give another --journal, or move it away`,
    );
  }
  checkBinding(path, header, binding);
  const lines = new Map<number, LineRecord>();
  records.slice(1).forEach((text, index) => {
    const record = journalRecordOf(parsed(text));
    if (record === undefined) {
      throw new JournalError(
        `${path} line ${index + 2} is not a journal record: the journal was edited or damaged. Move it away to start afresh (lines it records as done would be sent again)`,
      );
    }
    if ('line' in record) lines.set(record.line, record);
  });
  return { header, lines, wholeBytes, fileBytes: bytes.length };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function checkBinding(path: string, header: JournalHeader, binding: JournalBinding): void {
  if (header.input.sha256 !== binding.sha256) {
    throw new JournalError(
      `${path} was written for another version of ${header.input.file}: ${binding.file} changed since, so the journal's line numbers may now name other actions. Restore the file as it was to resume, or give a new --journal to start afresh (lines done already would be sent again)`,
    );
  }
  if (header.target !== binding.target) {
    throw new JournalError(
      `${path} records a run against ${header.target}, not ${binding.target}; give another --journal for this target`,
    );
  }
}
