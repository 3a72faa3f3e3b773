import type { ActionLine } from '../input/input-line.js';

/**
 * A line's action in words, for the plan.
 *
 * @example
 * describeAction({ line: 2, id: '123', action: { action: 'assign', adminId: '1', assignee: { type: 'team', id: 5 } } });
 * // 'assign conversation 123 to team 5, as admin 1'
 */
export function describeAction({ id, action }: ActionLine): string {
  const conversation = `conversation ${String(id)}`;
  const withMessage = 'message' in action && action.message !== undefined ? ', with a message' : '';
  const as = `, as admin ${String(action.adminId)}`;
  switch (action.action) {
    case 'close':
      return `close ${conversation}${withMessage}${as}`;
    case 'snooze': {
      const until = typeof action.until === 'number' ? new Date(action.until * 1000) : action.until;
      return `snooze ${conversation} until ${until.toISOString()}${as}`;
    }
    case 'open':
      return `open ${conversation}${as}`;
    case 'assign':
      return `assign ${conversation} to ${action.assignee.type} ${String(action.assignee.id)}${withMessage}${as}`;
    case 'unassign':
      return `unassign the ${action.from} of ${conversation}${as}`;
  }
}
