import { numericHeader } from './rate-limit-state.js';

/**
 * How long a 429 asks to wait: `Retry-After` (seconds or an HTTP date) when present, else until
 * `X-RateLimit-Reset`; `undefined` when the answer says neither.
 *
 * @example
 * waitForRateLimit(response.headers, Date.now()); // 4000
 */
export function waitForRateLimit(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  // Otherwise an HTTP date, which always names a weekday or month.
  if (/[a-z]/i.test(retryAfter)) {
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = numericHeader(headers, 'x-ratelimit-reset');
  return reset === undefined ? undefined : Math.max(0, reset * 1000 - nowMs);
}
