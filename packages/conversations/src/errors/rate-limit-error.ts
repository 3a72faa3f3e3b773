import { ApiError, type ApiErrorInit } from './api-error.js';

/**
 * Intercom refused the request for the rate limit (429), and waiting for the window to reset was
 * longer than allowed or retries ran out.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RateLimitError) console.error(`try again at ${error.resetAt?.toISOString()}`);
 * }
 */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** When Intercom allows requests again, if it said. */
  readonly resetAt: Date | undefined;

  constructor(init: ApiErrorInit & { resetAt: Date | undefined }) {
    super(init);
    this.resetAt = init.resetAt;
  }
}
