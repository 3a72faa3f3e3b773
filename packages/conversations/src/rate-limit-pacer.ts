import { AbortError } from './errors/abort-error.js';
import { RateLimitWaitError } from './errors/rate-limit-wait-error.js';
import { readRateLimit, type RateLimitState } from './rate-limit-state.js';
import type { RateLimitStore } from './rate-limit-store.js';

/** The clock and the wait the pacer uses, injectable for tests. */
export interface Timing {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

// A store that answers a wait that is no number gets looked at again after this long.
const FALLBACK_WAIT_MS = 1_000;

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
  #ignored: string[] = [];
  /** Requests of this pacer in flight, and who waits for the next of them to end. */
  #inFlight = 0;
  #onRelease: (() => void)[] = [];

  constructor(options: { store: RateLimitStore; timing: Timing; maxWaitMs: number }) {
    this.#store = options.store;
    this.#timing = options.timing;
    this.#maxWaitMs = options.maxWaitMs;
  }

  /** The last state reported, if any, with what the latest answer held that was ignored. */
  get state(): RateLimitState | undefined {
    const state = this.#store.state;
    if (!state) return undefined;
    return this.#ignored.length > 0 ? { ...state, ignored: [...this.#ignored] } : state;
  }

  /**
   * Waits until the budget allows one more request, then counts it as in flight. The function it
   * returns ends the request, with the answer's headers when there was an answer. A wait longer
   * than `maxWaitMs` throws `RateLimitWaitError` at once: nothing is sent.
   */
  async acquire(signal?: AbortSignal): Promise<(headers: Headers | undefined) => void> {
    for (;;) {
      const reservation = await this.#store.reserve();
      if (reservation.granted) {
        const { slot } = reservation;
        let released = false;
        this.#inFlight += 1;
        return (headers) => {
          if (released) return;
          released = true;
          this.#inFlight -= 1;
          const reading = headers ? readRateLimit(headers, this.#timing.now()) : undefined;
          if (reading && (reading.state || reading.ignored.length > 0)) {
            this.#ignored = reading.ignored;
          }
          // A store that fails reports it itself; the answer is the caller's either way.
          const settled = this.#store.settle(slot, reading?.state).catch(() => {});
          const waiting = this.#onRelease.splice(0);
          void settled.then(() => {
            for (const wake of waiting) wake();
          });
        };
      }
      const waitMs = saneWait(reservation.waitMs);
      if (waitMs > this.#maxWaitMs) {
        throw new RateLimitWaitError({ waitMs, maxWaitMs: this.#maxWaitMs, rateLimit: this.state });
      }
      // The answer awaited may be one of ours: then ask again as soon as it arrives, rather
      // than on a timer.
      if (reservation.untilAnswer && this.#inFlight > 0) await this.#nextRelease(signal);
      else await this.#timing.sleep(waitMs, signal);
    }
  }

  #nextRelease(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.#onRelease = this.#onRelease.filter((wake) => wake !== done);
        reject(new AbortError('The call was aborted.', { cause: signal?.reason }));
      };
      const done = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#onRelease.push(done);
    });
  }
}

function saneWait(waitMs: number): number {
  if (typeof waitMs !== 'number' || !Number.isFinite(waitMs)) return FALLBACK_WAIT_MS;
  return Math.max(1, Math.ceil(waitMs));
}
