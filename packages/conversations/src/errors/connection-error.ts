import { ConversationsError } from './conversations-error.js';

/**
 * The request could not be completed over the network: refused, reset or cut off.
 * `mayHaveBeenApplied` says whether it could have reached Intercom.
 *
 * @example
 * catch (error) {
 *   if (error instanceof ConnectionError && !error.mayHaveBeenApplied) retryLater();
 * }
 */
export class ConnectionError extends ConversationsError {
  override name = 'ConnectionError';
}
