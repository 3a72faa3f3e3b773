/** A line diff: the lines removed and added, each with its 1-based line number. */
export interface LineDiff {
  removed: Array<{ line: number; text: string }>;
  added: Array<{ line: number; text: string }>;
}

/**
 * The lines that differ between two texts (a longest common subsequence of lines, after the
 * common beginning and end are set aside); `undefined` when the differing middle is too large to
 * compare cheaply.
 *
 * @example
 * lineDiff('a\nb\n', 'a\nc\n');
 * // { removed: [{ line: 2, text: 'b' }], added: [{ line: 2, text: 'c' }] }
 */
export function lineDiff(before: string, after: string, limit = 4_000_000): LineDiff | undefined {
  const left = before.split('\n');
  const right = after.split('\n');
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start += 1;
  let end = 0;
  while (
    end < left.length - start &&
    end < right.length - start &&
    left[left.length - 1 - end] === right[right.length - 1 - end]
  ) {
    end += 1;
  }
  const a = left.slice(start, left.length - end);
  const b = right.slice(start, right.length - end);
  if ((a.length + 1) * (b.length + 1) > limit) return undefined;

  // lengths[i][j]: the longest common subsequence of a[i…] and b[j…].
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const diff: LineDiff = { removed: [], added: [] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (
      j < b.length &&
      (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)
    ) {
      diff.added.push({ line: start + j + 1, text: b[j]! });
      j += 1;
    } else {
      diff.removed.push({ line: start + i + 1, text: a[i]! });
      i += 1;
    }
  }
  return diff;
}
