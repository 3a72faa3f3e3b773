import { RateLimitError } from './errors/rate-limit-error.js';
import type { RateLimitState } from './rate-limit-state.js';

/** The clock and the wait the pacer uses, injectable for tests. */
export interface Timing {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Keeps the last rate-limit state Intercom reported and holds requests back while the window's
 * budget is spent by answered and in-flight requests, so that a client under load sees no 429.
 *
 * @example
 * const release = await pacer.acquire(signal);
 * try { … } finally { release(answer.rateLimit); }
 */
export class RateLimitPacer {
  #state: RateLimitState | undefined;
  #inFlight = 0;

  constructor(
    private readonly timing: Timing,
    private readonly maxWaitMs: number,
  ) {}

  /** The last state reported, if any. */
  get state(): RateLimitState | undefined {
    return this.#state && { ...this.#state, resetAt: new Date(this.#state.resetAt) };
  }

  /** Waits until the budget allows one more request, then counts it as in flight. */
  async acquire(signal?: AbortSignal): Promise<(reported: RateLimitState | undefined) => void> {
    for (;;) {
      const state = this.#state;
      const waitMs = state ? state.resetAt.getTime() - this.timing.now() : 0;
      if (!state || waitMs <= 0 || state.remaining - this.#inFlight > 0) break;
      if (waitMs > this.maxWaitMs) {
        throw new RateLimitError({
          status: 429,
          errors: [
            {
              code: 'rate_limit_exceeded',
              message: `The rate limit resets in ${Math.ceil(waitMs / 1000)} s, longer than the ${this.maxWaitMs} ms allowed to wait`,
              field: null,
            },
          ],
          requestId: null,
          rateLimit: this.state,
          resetAt: new Date(state.resetAt),
        });
      }
      await this.timing.sleep(waitMs, signal);
    }
    this.#inFlight += 1;
    let released = false;
    return (reported) => {
      if (released) return;
      released = true;
      this.#inFlight -= 1;
      if (reported) this.#record(reported);
    };
  }

  #record(reported: RateLimitState): void {
    const current = this.#state;
    // Answers can arrive out of order: within one window the lowest remaining is the truest.
    if (current && reported.resetAt.getTime() === current.resetAt.getTime()) {
      this.#state = { ...reported, remaining: Math.min(current.remaining, reported.remaining) };
    } else if (!current || reported.resetAt.getTime() > current.resetAt.getTime()) {
      this.#state = reported;
    }
  }
}
