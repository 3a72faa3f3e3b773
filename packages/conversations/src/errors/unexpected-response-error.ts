import { ConversationsError } from './conversations-error.js';

/**
 * Intercom answered 2xx with a body that is not JSON, not a conversation, or contradicts the action
 * (a close answered by a conversation that is still open). The action may have been applied.
 *
 * @example
 * catch (error) {
 *   if (error instanceof UnexpectedResponseError) console.error(error.status, error.message);
 * }
 */
export class UnexpectedResponseError extends ConversationsError {
  override name = 'UnexpectedResponseError';
  readonly status: number;

  constructor(status: number, problem: string) {
    super(`Intercom answered ${status} with ${problem}. The action may have been applied.`, {
      mayHaveBeenApplied: true,
    });
    this.status = status;
  }
}
