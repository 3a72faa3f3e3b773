import type { RateLimitState } from '../rate-limit-state.js';
import { cutShort } from './bounded-text.js';
import { ConversationsError } from './conversations-error.js';

/** One entry of Intercom's `error.list`. */
export interface ApiErrorDetail {
  code: string;
  message: string | null;
  field: string | null;
}

/** What an API error is made from. */
export interface ApiErrorInit {
  status: number;
  errors: ApiErrorDetail[];
  requestId: string | null;
  rateLimit: RateLimitState | undefined;
  mayHaveBeenApplied?: boolean;
  /** The start of a body that was not an `error.list`, such as a proxy's HTML page. */
  bodyExcerpt?: string;
}

/**
 * Intercom answered with a status other than 2xx.
 *
 * @example
 * catch (error) {
 *   if (error instanceof ApiError) console.error(error.status, error.errors[0]?.code, error.requestId);
 * }
 */
export class ApiError extends ConversationsError {
  override name = 'ApiError';
  readonly status: number;
  readonly errors: ApiErrorDetail[];
  readonly requestId: string | null;
  readonly rateLimit: RateLimitState | undefined;

  constructor(init: ApiErrorInit) {
    super(describe(init), { mayHaveBeenApplied: init.mayHaveBeenApplied ?? false });
    this.status = init.status;
    this.errors = init.errors;
    this.requestId = init.requestId;
    this.rateLimit = init.rateLimit;
  }
}

// The message names the first few details, each cut short; all of them stay in `errors`.
const DETAILS_IN_MESSAGE = 3;
const DETAIL_CHARS_IN_MESSAGE = 200;

function describe(init: ApiErrorInit): string {
  const named = init.errors
    .slice(0, DETAILS_IN_MESSAGE)
    .map((error) =>
      cutShort(
        `${error.code}${error.field ? ` (${error.field})` : ''}${error.message ? `: ${error.message}` : ''}`,
        DETAIL_CHARS_IN_MESSAGE,
      ),
    );
  const more = init.errors.length - named.length;
  const details = `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  const request = init.requestId ? ` [request ${init.requestId}]` : '';
  const body =
    details || (init.bodyExcerpt ? `non-JSON body: ${init.bodyExcerpt}` : 'no error details');
  const applied = init.mayHaveBeenApplied ? ' The action may have been applied.' : '';
  return `Intercom answered ${init.status}: ${body}${request}.${applied}`;
}
