import { ApiError } from './api-error.js';

/**
 * Intercom, or a proxy in front of it, failed (5xx).
 *
 * @example
 * catch (error) {
 *   if (error instanceof ServerError) console.error(error.status, error.errors);
 * }
 */
export class ServerError extends ApiError {
  override name = 'ServerError';
}
