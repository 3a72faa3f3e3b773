import { actionRequest } from './action-request.js';
import type { ConversationAction } from './conversation-action.js';
import { checkedId } from './id-validation.js';

/**
 * Checks one conversation id and action exactly as the client does before it sends them, and
 * sends nothing. For tools that validate a whole batch up front, such as a file of actions.
 * Throws `ValidationError` naming the field under `field` (default `action`; the id as `id`).
 *
 * @example
 * try {
 *   validateAction('123', { action: 'snooze', adminId: '991267', until: 0 });
 * } catch (error) {
 *   if (error instanceof ValidationError) console.error(error.field, error.problem); // 'action.until' …
 * }
 */
export function validateAction(
  id: unknown,
  action: unknown,
  options: { field?: string; now?: number } = {},
): asserts action is ConversationAction {
  const field = options.field ?? 'action';
  checkedId(id, field === 'action' ? 'id' : `${field}.id`);
  actionRequest(action, field, options.now ?? Date.now());
}
