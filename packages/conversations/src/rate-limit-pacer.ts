import { RateLimitError } from './errors/rate-limit-error.js';
import { rateLimitFrom, type RateLimitState } from './rate-limit-state.js';
import type { RateLimitStore } from './rate-limit-store.js';

/** The clock and the wait the pacer uses, injectable for tests. */
export interface Timing {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Holds requests back while the window's budget, kept in a `RateLimitStore`, is spent by answered
 * and in-flight requests, so that a client under load sees no 429.
 *
 * @example
 * const release = await pacer.acquire(signal);
 * try { … } finally { release(response.headers); }
 */
export class RateLimitPacer {
  readonly #store: RateLimitStore;
  readonly #timing: Timing;
  readonly #maxWaitMs: number;

  constructor(options: { store: RateLimitStore; timing: Timing; maxWaitMs: number }) {
    this.#store = options.store;
    this.#timing = options.timing;
    this.#maxWaitMs = options.maxWaitMs;
  }

  /** The last state reported, if any. */
  get state(): RateLimitState | undefined {
    return this.#store.state;
  }

  /**
   * Waits until the budget allows one more request, then counts it as in flight. The function it
   * returns ends the request, with the answer's headers when there was an answer.
   */
  async acquire(signal?: AbortSignal): Promise<(headers: Headers | undefined) => void> {
    for (;;) {
      const reservation = await this.#store.reserve();
      if (reservation.granted) {
        const { slot } = reservation;
        return (headers) => {
          void this.#store.settle(slot, headers ? rateLimitFrom(headers) : undefined);
        };
      }
      if (reservation.waitMs > this.#maxWaitMs) {
        throw new RateLimitError({
          status: 429,
          errors: [
            {
              code: 'rate_limit_exceeded',
              message: `The rate limit resets in ${Math.ceil(reservation.waitMs / 1000)} s, longer than the ${this.#maxWaitMs} ms allowed to wait`,
              field: null,
            },
          ],
          requestId: null,
          rateLimit: this.state,
          resetAt: new Date(this.#timing.now() + reservation.waitMs),
        });
      }
      await this.#timing.sleep(reservation.waitMs, signal);
    }
  }
}
