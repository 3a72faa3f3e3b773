import { resetMsFrom } from './rate-limit-state.js';

// A server asking for more than a day is not pacing requests; such a value is ignored.
const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * How long a 429 asks to wait: `Retry-After` (seconds or an HTTP date) when present and within a
 * day, else until a plausible `X-RateLimit-Reset`; `undefined` when the answer says neither. The
 * result is always a finite whole number of milliseconds from 0 to a day.
 *
 * @example
 * waitForRateLimit(response.headers, Date.now()); // 4000
 */
export function waitForRateLimit(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  if (/^\d{1,9}(\.\d{1,3})?$/.test(retryAfter)) {
    const waitMs = Math.ceil(Number(retryAfter) * 1000);
    if (waitMs <= MAX_RETRY_AFTER_MS) return waitMs;
  }
  // Otherwise an HTTP date, which always names a weekday or month.
  if (/[a-z]/i.test(retryAfter) && retryAfter.length <= 64 && Number.isFinite(nowMs)) {
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date) && date - nowMs <= MAX_RETRY_AFTER_MS) {
      return Math.max(0, Math.ceil(date - nowMs));
    }
  }
  const resetMs = Number.isFinite(nowMs) ? resetMsFrom(headers, nowMs) : undefined;
  return resetMs === undefined ? undefined : Math.max(0, Math.ceil(resetMs - nowMs));
}
