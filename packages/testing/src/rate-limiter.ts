/**
 * The rate-limit state Intercom reports in `X-RateLimit-*` headers.
 *
 * @example
 * const { limit, remaining, reset } = limiter.consume();
 */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the current window ends, in Unix seconds. */
  reset: number;
  /** Whether this request was over the budget. */
  exceeded: boolean;
}

/**
 * A budget of `limit` requests per fixed window of `windowSeconds`, windows aligned to the clock.
 * Intercom's rate-limiting reference: a per-minute limit "distributed over 10 second periods",
 * reported in `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds).
 * Aligning the windows to the clock is the fake's choice.
 *
 * @example
 * const limiter = new RateLimiter(1666, 10, Date.now);
 * limiter.consume(); // { limit: 1666, remaining: 1665, reset: …, exceeded: false }
 */
export class RateLimiter {
  #windowStart = Number.NEGATIVE_INFINITY;
  #used = 0;

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
    private readonly now: () => number,
  ) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new TypeError(`rateLimit.limit must be a whole number of 1 or more, not ${limit}`);
    }
    if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) {
      throw new TypeError(
        `rateLimit.windowSeconds must be a whole number of 1 or more, not ${windowSeconds}`,
      );
    }
  }

  /** Counts one request against the current window. */
  consume(): RateLimitState {
    const seconds = Math.floor(this.now() / 1000);
    const windowStart = seconds - (seconds % this.windowSeconds);
    if (windowStart !== this.#windowStart) {
      this.#windowStart = windowStart;
      this.#used = 0;
    }
    const exceeded = this.#used >= this.limit;
    if (!exceeded) this.#used += 1;
    return {
      limit: this.limit,
      remaining: this.limit - this.#used,
      reset: windowStart + this.windowSeconds,
      exceeded,
    };
  }
}
