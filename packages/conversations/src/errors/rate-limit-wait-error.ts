import type { RateLimitState } from '../rate-limit-state.js';
import { ConversationsError } from './conversations-error.js';

/**
 * The client did not send the request: the rate-limit budget is spent, and the wait for it to
 * come back is longer than `retry.maxRateLimitWaitMs` allows. Nothing reached Intercom (unless an
 * earlier attempt of the same call did, which `mayHaveBeenApplied` says), so trying again later is
 * safe.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RateLimitWaitError) console.error(`budget spent; try again in ${error.waitMs} ms`);
 * }
 */
export class RateLimitWaitError extends ConversationsError {
  override name = 'RateLimitWaitError';
  /** How long the budget needed before the request could go, in milliseconds. */
  readonly waitMs: number;
  /** The longest wait allowed, `retry.maxRateLimitWaitMs`. */
  readonly maxWaitMs: number;
  /** The rate-limit state the decision was made on, if any answer reported one. */
  readonly rateLimit: RateLimitState | undefined;

  constructor(init: {
    waitMs: number;
    maxWaitMs: number;
    rateLimit: RateLimitState | undefined;
    /** Whether an earlier attempt of the same call may have been applied. */
    mayHaveBeenApplied?: boolean;
  }) {
    const applied = init.mayHaveBeenApplied ?? false;
    super(
      `The rate-limit budget is spent for another ${init.waitMs} ms, longer than the ${init.maxWaitMs} ms allowed to wait (retry.maxRateLimitWaitMs). ${applied ? 'This attempt was not sent; an earlier attempt may have been applied.' : 'Nothing was sent.'}`,
      { mayHaveBeenApplied: applied },
    );
    this.waitMs = init.waitMs;
    this.maxWaitMs = init.maxWaitMs;
    this.rateLimit = init.rateLimit;
  }
}
