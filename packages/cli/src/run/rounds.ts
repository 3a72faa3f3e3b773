import type { ActionLine } from '../input/input-line.js';

/**
 * Splits lines into rounds in which each conversation appears once: the first line about each
 * conversation in round 1, the second in round 2, and so on. Rounds run one after another, so
 * lines about one conversation ("assign it, then close it") run in the file's order, while lines
 * about different conversations run concurrently.
 *
 * @example
 * rounds([a1, b1, a2]); // [[a1, b1], [a2]] where a1 and a2 are about one conversation
 */
export function rounds(lines: readonly ActionLine[]): ActionLine[][] {
  const seen = new Map<string, number>();
  const result: ActionLine[][] = [];
  for (const line of lines) {
    const key = String(line.id);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (result[round] ??= []).push(line);
  }
  return result;
}
