import { ApiError } from './api-error.js';

/**
 * The access token was missing, wrong or revoked (401).
 *
 * @example
 * catch (error) {
 *   if (error instanceof AuthenticationError) console.error(error.status, error.errors);
 * }
 */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
