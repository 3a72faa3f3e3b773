import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors/input-error.js';
import { csvColumnOf } from './csv-columns.js';
import { csvLines } from './csv-lines.js';
import type { InputFormat } from './input-format.js';
import type { InputLine } from './input-line.js';
import { jsonLines } from './json-lines.js';

/**
 * An input file, read: its lines, and its SHA-256, which binds a journal to exactly this content.
 *
 * @example
 * const input = await readInputFile('actions.csv', 'csv');
 * input.lines.length; // 1000
 */
export interface InputFile {
  /** The path as the user gave it, for messages. */
  path: string;
  format: InputFormat;
  sha256: string;
  lines: InputLine[];
  /** The name the input uses for a field the library names. */
  columnOf: (field: string) => string;
}

/**
 * Reads and parses an input file. Throws `InputError` when it cannot be read, is not UTF-8 text,
 * or is not CSV with a valid header.
 *
 * @example
 * const { lines, sha256 } = await readInputFile('actions.jsonl', 'jsonl');
 */
export async function readInputFile(path: string, format: InputFormat): Promise<InputFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${reason}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(
      `${path} is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)`,
    );
  }
  const lines = format === 'csv' ? csvLines(text, path) : jsonLines(text);
  return {
    path,
    format,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    lines,
    columnOf: format === 'csv' ? csvColumnOf : (field) => field,
  };
}
