import type { RateLimitState } from '../rate-limit-state.js';
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

function describe(init: ApiErrorInit): string {
  const details = init.errors
    .map(
      (error) =>
        `${error.code}${error.field ? ` (${error.field})` : ''}${error.message ? `: ${error.message}` : ''}`,
    )
    .join('; ');
  const request = init.requestId ? ` [request ${init.requestId}]` : '';
  const body =
    details || (init.bodyExcerpt ? `non-JSON body: ${init.bodyExcerpt}` : 'no error details');
  const applied = init.mayHaveBeenApplied ? ' The action may have been applied.' : '';
  return `Intercom answered ${init.status}: ${body}${request}.${applied}`;
}
