import { ApiError } from './api-error.js';

/**
 * The workspace's plan or the token's scopes do not allow this (403).
 *
 * @example
 * catch (error) {
 *   if (error instanceof PermissionDeniedError) console.error(error.status, error.errors);
 * }
 */
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
