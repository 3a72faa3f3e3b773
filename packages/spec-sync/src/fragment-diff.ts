import { diffLines } from 'diff';

/**
 * A line diff: the lines removed and added, each with its 1-based line number.
 *
 * @example
 * const diff: LineDiff = { removed: [{ line: 2, text: 'b' }], added: [] };
 */
export interface LineDiff {
  removed: Array<{ line: number; text: string }>;
  added: Array<{ line: number; text: string }>;
}

/**
 * The lines that differ between the fragment's old and new text, with the `diff` package's
 * Myers diff; `undefined` when more than `maxEditLength` lines change, which is no diff worth
 * reading.
 *
 * @example
 * fragmentDiff('a\nb\n', 'a\nc\n');
 * // { removed: [{ line: 2, text: 'b' }], added: [{ line: 2, text: 'c' }] }
 */
export function fragmentDiff(
  before: string,
  after: string,
  maxEditLength = 4_000,
): LineDiff | undefined {
  const changes = diffLines(before, after, { maxEditLength });
  if (changes === undefined) return undefined;
  const diff: LineDiff = { removed: [], added: [] };
  let oldLine = 1;
  let newLine = 1;
  for (const change of changes) {
    const lines = change.value.replace(/\n$/, '').split('\n');
    if (change.removed) {
      lines.forEach((text, index) => diff.removed.push({ line: oldLine + index, text }));
      oldLine += change.count;
    } else if (change.added) {
      lines.forEach((text, index) => diff.added.push({ line: newLine + index, text }));
      newLine += change.count;
    } else {
      oldLine += change.count;
      newLine += change.count;
    }
  }
  return diff;
}
