import type { RateLimitState } from '@conversation-kit/conversations';

/**
 * Where a run stands, read by the progress views whenever they draw.
 *
 * @example
 * const snapshot: ProgressSnapshot = { done: 340, failed: 2, total: 1000, elapsedMs: 12_000, rateLimit, status: undefined };
 */
export interface ProgressSnapshot {
  /** Lines finished in this run, failed ones included. */
  done: number;
  failed: number;
  /** Lines this run sends. */
  total: number;
  elapsedMs: number;
  rateLimit: RateLimitState | undefined;
  /** What the run is doing, when not simply sending: "stopping…". */
  status: string | undefined;
}

/**
 * The figures both views show, as text: the rate, the time left, and the rate-limit budget left.
 *
 * @example
 * progressFigures(snapshot); // { rate: '28.3/s', eta: '23s', budget: '120/250' }
 */
export function progressFigures(snapshot: ProgressSnapshot): {
  rate: string;
  eta: string;
  budget: string;
} {
  const seconds = snapshot.elapsedMs / 1000;
  const perSecond = seconds > 0 ? snapshot.done / seconds : 0;
  const left = snapshot.total - snapshot.done;
  const eta = left === 0 ? '0s' : perSecond > 0 ? duration(left / perSecond) : '--';
  const { rateLimit } = snapshot;
  return {
    rate: `${perSecond.toFixed(1)}/s`,
    eta,
    budget: rateLimit ? `${rateLimit.remaining}/${rateLimit.limit}` : '--',
  };
}

/**
 * Seconds as text a person reads at a glance.
 *
 * @example
 * duration(65); // '1m 05s'
 * duration(2.25); // '2.3s'
 */
export function duration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * Elapsed time as a log-line stamp, `[mm:ss]`, or `[h:mm:ss]` past an hour.
 *
 * @example
 * elapsedStamp(72_500); // '[01:12]'
 */
export function elapsedStamp(elapsedMs: number): string {
  const total = Math.floor(elapsedMs / 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const hours = Math.floor(total / 3600);
  const clock = `${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return `[${hours > 0 ? `${hours}:${clock}` : clock}]`;
}
