/**
 * How calls retry, as one object; every field can be overridden in `createConversations`.
 *
 * @example
 * createConversations({ token, retry: { ...retryDefaults, maxRateLimitWaitMs: 0 } });
 */
export const retryDefaults = {
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** The first backoff, doubled for each retry, with jitter. */
  baseDelayMs: 500,
  /** The longest backoff between two attempts. */
  maxDelayMs: 8_000,
  /**
   * The longest wait for a rate-limit window to reset: a longer one throws `RateLimitWaitError`
   * before sending, or `RateLimitError` when a 429 asks for it.
   */
  maxRateLimitWaitMs: 60_000,
  /**
   * Whether to retry an action that posts a message (close or assign with `message`) after an
   * ambiguous failure, at the risk of posting it twice.
   */
  retryMessagesAfterAmbiguousFailure: false,
};

/**
 * The retry settings, as `retryDefaults` spells them.
 *
 * @example
 * const retry: RetryOptions = { maxRetries: 5 };
 */
export type RetryOptions = Partial<typeof retryDefaults>;
