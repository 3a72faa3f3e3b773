import type { ConversationsError } from './conversations-error.js';

/**
 * Marks an error as thrown after an earlier attempt that may have taken effect, so that the last
 * error of a retried call never claims the action was not applied.
 *
 * @example
 * throw appliedEarlier(error);
 */
export function appliedEarlier<E extends ConversationsError>(error: E): E {
  if (error.mayHaveBeenApplied) return error;
  Object.defineProperty(error, 'mayHaveBeenApplied', { value: true, enumerable: true });
  error.message += ' An earlier attempt may have been applied.';
  return error;
}
