import type { ConversationAction } from '@conversation-kit/conversations';

/**
 * Whether an action leaves a message, which sending it twice would post twice. Every other
 * action converges: sending it again leaves the conversation as once would.
 *
 * @example
 * postsMessage({ action: 'close', adminId: '1', message: 'Solved' }); // true
 * postsMessage({ action: 'snooze', adminId: '1', until: 1767225600 }); // false
 */
export function postsMessage(action: ConversationAction): boolean {
  return (action.action === 'close' || action.action === 'assign') && action.message !== undefined;
}
