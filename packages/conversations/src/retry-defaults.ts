/**
 * The retry settings, every one optional; `retryDefaults` holds the values used for those left
 * out. Give `retry` a number for the retries alone: `retry: 3` is `retry: { maxRetries: 3 }`.
 *
 * @example
 * const retry: RetryOptions = { maxRetries: 5, maxRateLimitWaitMs: 0 };
 */
export interface RetryOptions {
  /** Retries after the first attempt, 0 to 100 (default 2). */
  maxRetries?: number;
  /** The first backoff, doubled for each retry, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** The longest backoff between two attempts (default 8,000 ms). */
  maxDelayMs?: number;
  /**
   * The longest wait for a rate-limit window to reset: a longer one throws `RateLimitWaitError`
   * before sending, or `RateLimitError` when a 429 asks for it (default 60,000 ms).
   */
  maxRateLimitWaitMs?: number;
  /**
   * Whether to retry an action that posts a message (close or assign with `message`) after an
   * ambiguous failure, at the risk of posting it twice (default false).
   */
  retryMessagesAfterAmbiguousFailure?: boolean;
}

/**
 * How calls retry by default, frozen; every field can be overridden with the `retry` option.
 *
 * @example
 * createConversations({ token, retry: { ...retryDefaults, maxRateLimitWaitMs: 0 } });
 */
export const retryDefaults: Readonly<Required<RetryOptions>> = Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRateLimitWaitMs: 60_000,
  retryMessagesAfterAmbiguousFailure: false,
});
