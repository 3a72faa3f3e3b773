import { ApiError } from './api-error.js';

/**
 * The conversation, admin or team does not exist (404).
 *
 * @example
 * catch (error) {
 *   if (error instanceof NotFoundError) console.error(error.status, error.errors);
 * }
 */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
