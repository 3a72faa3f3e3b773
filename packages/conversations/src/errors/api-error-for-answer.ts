import { ApiError, type ApiErrorDetail, type ApiErrorInit } from './api-error.js';
import { AuthenticationError } from './authentication-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { ServerError } from './server-error.js';
import type { RateLimitState } from '../rate-limit-state.js';

/**
 * The typed error for a non-2xx answer: its `error.list` parsed when it is one, and the start of
 * the body otherwise (a proxy's HTML page still makes a clear error).
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
  const init: ApiErrorInit = {
    status,
    errors: errorDetails(body),
    requestId: requestIdOf(body),
    rateLimit,
    mayHaveBeenApplied,
  };
  if (init.errors.length === 0) init.bodyExcerpt = excerpt(body);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 429) return new RateLimitError({ ...init, resetAt });
  if (status >= 500) return new ServerError(init);
  return new ApiError(init);
}

function errorDetails(body: unknown): ApiErrorDetail[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter(
      (error): error is Record<string, unknown> => typeof error === 'object' && error !== null,
    )
    .map((error) => ({
      code: typeof error['code'] === 'string' ? error['code'] : 'unknown',
      message: typeof error['message'] === 'string' ? error['message'] : null,
      field: typeof error['field'] === 'string' ? error['field'] : null,
    }));
}

function requestIdOf(body: unknown): string | null {
  const id = (body as { request_id?: unknown } | null)?.request_id;
  return typeof id === 'string' ? id : null;
}

function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 117)}...` : plain || '(empty)';
}
