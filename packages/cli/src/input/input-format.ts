import { extname } from 'node:path';
import { UsageError } from '../errors/usage-error.js';

/**
 * The formats of an input file.
 *
 * @example
 * const format: InputFormat = 'csv';
 */
export type InputFormat = 'csv' | 'jsonl';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/**
 * The format to read a file in: the one given with `--format`, or the one its extension names.
 * Throws `UsageError` when neither tells.
 *
 * @example
 * inputFormatOf('actions.jsonl', undefined); // 'jsonl'
 */
export function inputFormatOf(path: string, given: string | undefined): InputFormat {
  if (given !== undefined) {
    if (given === 'csv' || given === 'jsonl') return given;
    throw new UsageError(`--format must be csv or jsonl, not ${JSON.stringify(given)}`);
  }
  const extension = extname(path).toLowerCase();
  const format = BY_EXTENSION[extension];
  if (format !== undefined) return format;
  if (extension === '.json') {
    throw new UsageError(
      `${path} ends in .json: the input is JSON Lines, one action per line, in a .jsonl file; pass --format jsonl if that is what it holds`,
    );
  }
  throw new UsageError(
    `cannot tell the format of ${path} from its name; pass --format csv or --format jsonl`,
  );
}
