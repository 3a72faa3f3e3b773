import type { IntercomClientOptions } from '@conversation-kit/fetch';
import type { RateLimitStore } from './rate-limit-store.js';
import type { RetryOptions } from './retry-defaults.js';

/**
 * How to reach Intercom, and how calls time out and retry.
 *
 * @example
 * const options: ConversationsOptions = { token: process.env.INTERCOM_TOKEN!, region: 'eu', retry: 3 };
 */
export interface ConversationsOptions extends IntercomClientOptions {
  /**
   * The `fetch` to send requests with (default: the global one, called as `fetch(url, init)`).
   * A `fetch` given here receives one `Request` per attempt; building it costs some CPU time.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** How long one attempt may take, in milliseconds (default 30,000). */
  timeoutMs?: number;
  /**
   * How calls retry: the number of retries after the first attempt, or the whole policy; see
   * `retryDefaults`. `retry: 0` never retries.
   */
  retry?: number | RetryOptions;
  /**
   * The largest response body read, in bytes (default 16 MiB, far above a conversation with all
   * of its 500 parts). A larger answer fails with `UnexpectedResponseError` and is not read further.
   */
  maxResponseBytes?: number;
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
  /**
   * The source of the backoff's jitter, a number from 0 (inclusive) to 1 (exclusive); default
   * `Math.random`. Give a fixed function for deterministic waits.
   */
  random?: () => number;
}
