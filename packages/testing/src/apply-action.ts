import type {
  Conversation,
  ConversationPart,
  ManageConversationRequest,
} from '@conversation-kit/types';
import { ApiFailure } from './api-failure.js';
import type { Directory, DirectoryEntry } from './directory.js';

/** What an assignment does to a conversation that is not open. */
export interface AssignmentEffects {
  reopensClosed: boolean;
  wakesSnoozed: boolean;
}

/** What an action may refer to, when it happens, and how the workspace treats assignments. */
export interface ActionContext {
  admins: Directory;
  teams: Directory;
  /** Unix seconds. */
  now: number;
  nextPartId: () => string;
  assignment: AssignmentEffects;
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
  // `admin_not_found` and `team_not_found` are Intercom's codes (its file: setAwayAdmin's and
  // retrieveTeam's 404 examples).
  const admin = context.admins.get(action.admin_id);
  if (!admin) throw new ApiFailure(404, 'admin_not_found', 'Admin Not Found', 'admin_id');
  // "The time you want the conversation to reopen" (snooze_conversation_request) is in the future;
  // the code and message are the spec overlay's 400 example.
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
  const partType =
    action.message_type === 'assignment'
      ? assignmentPartType(conversation.state, context.assignment)
      : action.message_type;
  const part = newPart(partType, admin, context);
  // Each part type, state and `open` flag is what Intercom's published 2.12 file shows for the
  // action (manageConversation's 200 examples: close → closed and not open; snoozed → snoozed, open,
  // with snoozed_until; open → open; assignment → assign_and_reopen, open).
  switch (action.message_type) {
    case 'close':
      // The statistics as the conversation model describes them; the fake has no office hours.
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
      // "Open a conversation which is snoozed or closed" (the operation's description).
      if (conversation.state !== 'open') reopen(conversation, statistics);
      break;
    case 'assignment': {
      if (partType !== 'assignment') reopen(conversation, statistics);
      // assign_conversation_request.assignee_id: "Set `"0"` if you want this assign to no admin or
      // team (ie. Unassigned)"; the overlay gives the part's `nobody_admin` reference.
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

/**
 * The part an assignment adds, which says what it did to the state.
 * - Closed: "Assigning a closed conversation reopens it" (Intercom-OpenAPI pull request #645), and
 *   Intercom's own "Assign a conversation" example answers state `open` with a part
 *   `assign_and_reopen` (intercom/Intercom-OpenAPI descriptions/2.12/api.intercom.io.yaml,
 *   manageConversation, 200 examples).
 * - Snoozed: inferred. The conversation model lists `assign_and_unsnooze`, "Assign a conversation
 *   and unsnooze it in one action" (its Conversation Part Types); no source says the API does it.
 * - Open, or a workspace that keeps the state: `assignment`, "An assignment of the conversation to
 *   an admin, or Nobody" (the same table).
 */
function assignmentPartType(state: Conversation['state'], effects: AssignmentEffects): string {
  if (state === 'closed' && effects.reopensClosed) return 'assign_and_reopen';
  if (state === 'snoozed' && effects.wakesSnoozed) return 'assign_and_unsnooze';
  return 'assignment';
}

// Leaving closed or snoozed counts as a reopen: Intercom calls snoozing "Snooze a conversation to
// reopen on a future date" (the operation's description), and `count_reopens` is the "Number of
// reopens" (the conversation model).
function reopen(
  conversation: Conversation,
  statistics: NonNullable<Conversation['statistics']>,
): void {
  statistics.count_reopens = (statistics.count_reopens ?? 0) + 1;
  conversation.state = 'open';
  conversation.open = true;
  conversation.snoozed_until = null;
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
