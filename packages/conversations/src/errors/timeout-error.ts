import { ConversationsError } from './conversations-error.js';

/**
 * An attempt took longer than `timeoutMs`. The request may have reached Intercom.
 *
 * @example
 * const conversations = createConversations({ token, timeoutMs: 5_000 });
 * // … catch (error) { if (error instanceof TimeoutError) … }
 */
export class TimeoutError extends ConversationsError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { mayHaveBeenApplied: boolean; cause?: unknown }) {
    super(
      `No answer within ${timeoutMs} ms.${options.mayHaveBeenApplied ? ' The action may have been applied.' : ''}`,
      options,
    );
    this.timeoutMs = timeoutMs;
  }
}
