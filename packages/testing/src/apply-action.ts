import type {
  Conversation,
  ConversationPart,
  ManageConversationRequest,
} from '@conversation-kit/types';
import { ApiFailure } from './api-failure.js';
import type { Directory, DirectoryEntry } from './directory.js';

/** What an action may refer to, and when it happens. */
export interface ActionContext {
  admins: Directory;
  teams: Directory;
  /** Unix seconds. */
  now: number;
  nextPartId: () => string;
}

/**
 * Checks that an action may be applied, and only then applies it to the stored conversation:
 * the state change, a new conversation part, `updated_at` and the statistics. A failure leaves
 * the conversation as it was.
 *
 * @example
 * applyAction(conversation, { message_type: 'close', type: 'admin', admin_id: '1' }, context);
 */
export function applyAction(
  conversation: Conversation,
  action: ManageConversationRequest,
  context: ActionContext,
): void {
  const admin = context.admins.get(action.admin_id);
  if (!admin) throw new ApiFailure(404, 'admin_not_found', 'Admin Not Found', 'admin_id');
  if (action.message_type === 'snoozed' && action.snoozed_until <= context.now) {
    throw new ApiFailure(
      400,
      'parameter_invalid',
      'snoozed_until must be in the future',
      'snoozed_until',
    );
  }
  if (action.message_type === 'assignment' && action.assignee_id !== '0') {
    const directory = action.type === 'admin' ? context.admins : context.teams;
    if (!directory.has(action.assignee_id)) {
      const code = action.type === 'admin' ? 'admin_not_found' : 'team_not_found';
      throw new ApiFailure(
        404,
        code,
        `${action.type === 'admin' ? 'Admin' : 'Team'} Not Found`,
        'assignee_id',
      );
    }
  }

  const statistics = (conversation.statistics ??= { type: 'conversation_statistics' });
  const part = newPart(action.message_type, admin, context);
  switch (action.message_type) {
    case 'close':
      part.body = action.body ?? null;
      conversation.state = 'closed';
      conversation.open = false;
      conversation.snoozed_until = null;
      statistics.first_close_at ??= context.now;
      statistics.time_to_first_close ??= context.now - conversation.created_at;
      statistics.last_close_at = context.now;
      statistics.time_to_last_close = context.now - conversation.created_at;
      statistics.last_closed_by_id = admin.id;
      break;
    case 'snoozed':
      conversation.state = 'snoozed';
      conversation.open = true;
      conversation.snoozed_until = action.snoozed_until;
      break;
    case 'open':
      if (conversation.state !== 'open')
        statistics.count_reopens = (statistics.count_reopens ?? 0) + 1;
      conversation.state = 'open';
      conversation.open = true;
      conversation.snoozed_until = null;
      break;
    case 'assignment': {
      const unassign = action.assignee_id === '0';
      const assignee = unassign ? null : Number(action.assignee_id);
      if (action.type === 'admin') conversation.admin_assignee_id = assignee;
      else conversation.team_assignee_id = assignee;
      part.body = action.body ?? null;
      part.assigned_to = unassign
        ? { type: 'nobody_admin', id: null }
        : { type: action.type, id: action.assignee_id };
      statistics.count_assignments = (statistics.count_assignments ?? 0) + 1;
      statistics.first_assignment_at ??= context.now;
      statistics.last_assignment_at = context.now;
      break;
    }
  }

  conversation.updated_at = context.now;
  const parts = (conversation.conversation_parts ??= {
    type: 'conversation_part.list',
    conversation_parts: [],
    total_count: 0,
  });
  (parts.conversation_parts ??= []).push(part);
  parts.total_count = parts.conversation_parts.length;
  statistics.count_conversation_parts = parts.total_count;
}

function newPart(
  partType: string,
  admin: DirectoryEntry,
  context: ActionContext,
): ConversationPart {
  return {
    type: 'conversation_part',
    id: context.nextPartId(),
    part_type: partType,
    body: null,
    created_at: context.now,
    updated_at: context.now,
    notified_at: context.now,
    assigned_to: null,
    author: { type: 'admin', id: admin.id, name: admin.name, email: admin.email },
    attachments: [],
    external_id: null,
    redacted: false,
  };
}
