import { ApiError, type ApiErrorDetail, type ApiErrorInit } from './api-error.js';
import { AuthenticationError } from './authentication-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { ServerError } from './server-error.js';
import type { RateLimitState } from '../rate-limit-state.js';
import { cutShort, plainTextExcerpt } from './bounded-text.js';

// Bounds on what an error keeps of a body: Intercom's own error.list is far smaller, and anything
// beyond is a proxy's page or a broken server, of which the start is enough.
const MAX_PARSED_CHARS = 64 * 1024;
const MAX_SCANNED_CHARS = 8 * 1024;
const MAX_EXCERPT_CHARS = 120;
const MAX_ERRORS = 10;
const MAX_DETAIL_CHARS = 500;
const MAX_REQUEST_ID_CHARS = 200;

/**
 * The typed error for a non-2xx answer: its `error.list` parsed when it is one, and the start of
 * the body otherwise (a proxy's HTML page still makes a clear error). The body may be its text or
 * its parsed JSON; either way, what is kept and the work done on it are bounded.
 *
 * @example
 * throw apiErrorForAnswer(502, '<html>Bad Gateway</html>', undefined, undefined, true);
 */
export function apiErrorForAnswer(
  status: number,
  body: unknown,
  rateLimit: RateLimitState | undefined,
  resetAt: Date | undefined,
  mayHaveBeenApplied: boolean,
): ApiError {
  const parsed = parsedIfSmall(body);
  const init: ApiErrorInit = {
    status,
    errors: errorDetails(parsed),
    requestId: requestIdOf(parsed),
    rateLimit,
    mayHaveBeenApplied,
  };
  if (init.errors.length === 0) init.bodyExcerpt = excerpt(parsed);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 429) return new RateLimitError({ ...init, resetAt });
  if (status >= 500) return new ServerError(init);
  return new ApiError(init);
}

/** A text body parsed as JSON when it is small enough to be an `error.list`; otherwise as given. */
function parsedIfSmall(body: unknown): unknown {
  if (typeof body !== 'string' || body.length > MAX_PARSED_CHARS) return body;
  const start = body.trimStart()[0];
  if (start !== '{' && start !== '[') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function errorDetails(body: unknown): ApiErrorDetail[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  const details: ApiErrorDetail[] = [];
  for (let index = 0; index < errors.length && details.length < MAX_ERRORS; index += 1) {
    const error: unknown = errors[index];
    if (typeof error !== 'object' || error === null) continue;
    const { code, message, field } = error as Record<string, unknown>;
    details.push({
      code: typeof code === 'string' ? cutShort(code, MAX_DETAIL_CHARS) : 'unknown',
      message: typeof message === 'string' ? cutShort(message, MAX_DETAIL_CHARS) : null,
      field: typeof field === 'string' ? cutShort(field, MAX_DETAIL_CHARS) : null,
    });
  }
  return details;
}

function requestIdOf(body: unknown): string | null {
  const id = (body as { request_id?: unknown } | null)?.request_id;
  return typeof id === 'string' ? cutShort(id, MAX_REQUEST_ID_CHARS) : null;
}

function excerpt(body: unknown): string {
  if (body === '' || body === undefined || body === null) return '(empty)';
  let text: string;
  try {
    text = typeof body === 'string' ? body : JSON.stringify(body);
  } catch {
    text = '(JSON nested too deeply to show)';
  }
  return plainTextExcerpt(text, MAX_EXCERPT_CHARS, MAX_SCANNED_CHARS) || '(markup only)';
}
