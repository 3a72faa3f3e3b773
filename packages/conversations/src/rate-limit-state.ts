/**
 * The rate-limit state Intercom reported in its last answer.
 *
 * @example
 * const { remaining, resetAt } = conversations.rateLimit ?? {};
 */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
}

/**
 * Reads `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds), or
 * `undefined` when an answer lacks them.
 *
 * @example
 * rateLimitFrom(response.headers); // { limit: 1666, remaining: 1665, resetAt: 2026-11-21T… }
 */
export function rateLimitFrom(headers: Headers): RateLimitState | undefined {
  const limit = numericHeader(headers, 'x-ratelimit-limit');
  const remaining = numericHeader(headers, 'x-ratelimit-remaining');
  const reset = numericHeader(headers, 'x-ratelimit-reset');
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, resetAt: new Date(reset * 1000) };
}

/**
 * A header holding a non-negative number, or `undefined` when it is absent, empty or not one.
 *
 * @example
 * numericHeader(response.headers, 'x-ratelimit-reset'); // 1767225610
 */
export function numericHeader(headers: Headers, name: string): number | undefined {
  const text = headers.get(name)?.trim() ?? '';
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
