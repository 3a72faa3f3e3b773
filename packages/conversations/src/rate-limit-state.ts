/**
 * The rate-limit state Intercom reported in its last answer.
 *
 * @example
 * const { remaining, resetAt, ignored } = conversations.rateLimit ?? {};
 */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
  /**
   * What the latest answer's `X-RateLimit-*` headers held that could not be right, such as a reset
   * in milliseconds, and so was ignored. Each note describes a header; it never quotes it.
   */
  ignored?: string[];
}

/** What one answer's `X-RateLimit-*` headers say, once implausible values are set aside. */
export interface RateLimitReading {
  /** The state, when all three headers are present and plausible. */
  state: RateLimitState | undefined;
  /** A note for each header that was present but ignored (at most three). */
  ignored: string[];
}

// Intercom counts requests in 10-second windows. A reset further than this from now is not one
// of its windows (a reset in milliseconds read as seconds lands thousands of years ahead).
const MAX_RESET_DISTANCE_MS = 60_000;
// Intercom's largest published limits are in the tens of thousands per minute.
const MAX_LIMIT = 1_000_000;
// Unix seconds have 10 digits until 2286; 13 digits are milliseconds.
const MAX_DIGITS = 15;

/**
 * Reads `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds), or
 * `undefined` when an answer lacks them or one is not plausible: not a whole number, a limit of
 * 0, more remaining than the limit, a reset in milliseconds, or (given `nowMs`) a reset more than
 * a minute away from now.
 *
 * @example
 * rateLimitFrom(response.headers); // { limit: 1666, remaining: 1665, resetAt: 2026-11-21T… }
 */
export function rateLimitFrom(headers: Headers, nowMs?: number): RateLimitState | undefined {
  return readRateLimit(headers, nowMs).state;
}

/**
 * Reads the `X-RateLimit-*` headers defensively, noting what it ignores.
 *
 * @example
 * const { state, ignored } = readRateLimit(response.headers, Date.now());
 */
export function readRateLimit(headers: Headers, nowMs?: number): RateLimitReading {
  const ignored: string[] = [];
  const raw = {
    limit: headers.get('x-ratelimit-limit'),
    remaining: headers.get('x-ratelimit-remaining'),
    reset: headers.get('x-ratelimit-reset'),
  };
  if (raw.limit === null && raw.remaining === null && raw.reset === null) {
    return { state: undefined, ignored };
  }
  const limit = wholeHeader('X-RateLimit-Limit', raw.limit, ignored);
  const remaining = wholeHeader('X-RateLimit-Remaining', raw.remaining, ignored);
  const reset = wholeHeader('X-RateLimit-Reset', raw.reset, ignored);
  let plausible = limit !== undefined && remaining !== undefined && reset !== undefined;
  if (limit !== undefined && (limit < 1 || limit > MAX_LIMIT)) {
    ignored.push(`X-RateLimit-Limit is ${limit < 1 ? '0' : 'above 1,000,000'}`);
    plausible = false;
  }
  if (limit !== undefined && remaining !== undefined && remaining > limit) {
    ignored.push('X-RateLimit-Remaining is above X-RateLimit-Limit');
    plausible = false;
  }
  if (reset !== undefined) {
    const note = implausibleReset(reset, nowMs);
    if (note) {
      ignored.push(note);
      plausible = false;
    }
  }
  if (!plausible) return { state: undefined, ignored };
  return {
    state: { limit: limit!, remaining: remaining!, resetAt: new Date(reset! * 1000) },
    ignored,
  };
}

/**
 * A header holding a whole number of at most 15 digits, or `undefined` (with a note when it was
 * present) otherwise.
 *
 * @example
 * wholeHeader('X-RateLimit-Reset', '1767225610', []); // 1767225610
 */
function wholeHeader(name: string, value: string | null, ignored: string[]): number | undefined {
  if (value === null) {
    ignored.push(`${name} is missing`);
    return undefined;
  }
  const text = value.trim();
  if (/^\d+$/.test(text) && text.length <= MAX_DIGITS) return Number(text);
  if (/^\d+$/.test(text)) ignored.push(`${name} has more than ${MAX_DIGITS} digits`);
  else if (text === '') ignored.push(`${name} is empty`);
  else ignored.push(`${name} is not a whole number`);
  return undefined;
}

/**
 * Why a reset in Unix seconds cannot be one of Intercom's windows, or `undefined` if it can.
 *
 * @example
 * implausibleReset(1767225610, Date.now()); // undefined
 */
export function implausibleReset(
  resetSeconds: number,
  nowMs: number | undefined,
): string | undefined {
  if (String(resetSeconds).length >= 13)
    return 'X-RateLimit-Reset looks like milliseconds, not seconds';
  if (nowMs === undefined || !Number.isFinite(nowMs)) return undefined;
  const distanceMs = resetSeconds * 1000 - nowMs;
  if (distanceMs > MAX_RESET_DISTANCE_MS) return 'X-RateLimit-Reset is more than 60 s ahead';
  if (distanceMs < -MAX_RESET_DISTANCE_MS) return 'X-RateLimit-Reset is more than 60 s in the past';
  return undefined;
}

/**
 * A plausible `X-RateLimit-Reset`, in milliseconds, or `undefined` when it is absent or not one.
 *
 * @example
 * resetMsFrom(response.headers, Date.now()); // 1767225610000
 */
export function resetMsFrom(headers: Headers, nowMs: number): number | undefined {
  const reset = wholeHeader('X-RateLimit-Reset', headers.get('x-ratelimit-reset'), []);
  if (reset === undefined || implausibleReset(reset, nowMs)) return undefined;
  return reset * 1000;
}
