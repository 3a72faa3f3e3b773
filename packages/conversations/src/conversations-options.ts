import type { IntercomClientOptions } from '@conversation-kit/fetch';
import type { RateLimitStore } from './rate-limit-store.js';
import type { RetryOptions } from './retry-defaults.js';

/**
 * How to reach Intercom, and how calls time out and retry.
 *
 * @example
 * const options: ConversationsOptions = { token: process.env.INTERCOM_TOKEN!, region: 'eu', timeoutMs: 10_000 };
 */
export interface ConversationsOptions extends IntercomClientOptions {
  /** How long one attempt may take, in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2); shorthand for `retry.maxRetries`. */
  maxRetries?: number;
  /** The rest of the retry policy; see `retryDefaults`. */
  retry?: RetryOptions;
  /**
   * Where the rate-limit budget is kept (default: `createInProcessRateLimitStore()`, in this
   * process). Give several processes one shared store, such as `createRedisRateLimitStore` of
   * `@conversation-kit/redis`, to spend one app's budget together. The client does not close it.
   */
  rateLimitStore?: RateLimitStore;
  /** The clock, in milliseconds since the epoch (default `Date.now`); for tests. */
  now?: () => number;
  /** How to wait between attempts (default: a timer that the signal cancels); for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}
