import type { Conversation, IntercomError } from '../index.js';

/** Distinctive enough that finding it in a message or a dump can only mean a leak. */
export const token = 'tok_loopback_5e7c0a1d_do_not_print';

export const conversationsPath = '/conversations/{id}/parts';

export const closeRequest = {
  message_type: 'close',
  type: 'admin',
  admin_id: '991267',
  body: 'Goodbye :)',
} as const;

export const conversation: Conversation = {
  type: 'conversation',
  id: '123',
  title: null,
  created_at: 1663597223,
  updated_at: 1663597260,
  waiting_since: null,
  snoozed_until: null,
  open: false,
  state: 'closed',
  read: true,
  priority: 'not_priority',
  admin_assignee_id: 991267,
  team_assignee_id: null,
  ai_agent: null,
  conversation_parts: {
    type: 'conversation_part.list',
    total_count: 1,
    conversation_parts: [
      {
        type: 'conversation_part',
        id: '7',
        part_type: 'close',
        body: '<p>Goodbye :)</p>',
        created_at: 1663597260,
        updated_at: 1663597260,
        assigned_to: null,
      },
    ],
  },
};

export function errorList(code: string, message: string): IntercomError {
  return {
    type: 'error.list',
    request_id: 'f93ecfa8-d08a-4325-8694-89aeb89c8f85',
    errors: [{ code, message }],
  };
}
