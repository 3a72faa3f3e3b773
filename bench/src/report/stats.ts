/**
 * The q-quantile of the samples, interpolated between neighbours (q = 0.5 is the median).
 *
 * @example
 * quantile([3, 1, 2], 0.5); // 2
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The median of the samples. */
export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
