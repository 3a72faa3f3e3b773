import { ConversationsError } from './conversations-error.js';

/**
 * The caller's `AbortSignal` cancelled the call, in flight or while waiting to retry.
 *
 * @example
 * const controller = new AbortController();
 * const closing = conversations.close(id, { adminId, signal: controller.signal });
 * controller.abort(); // closing rejects with AbortError
 */
export class AbortError extends ConversationsError {
  override name = 'AbortError';
}
