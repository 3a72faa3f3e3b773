import type { Conversation } from '@conversation-kit/types';

/**
 * What to seed a conversation with; everything else gets a realistic default.
 *
 * @example
 * fake.conversations.add({ id: '123', state: 'snoozed', snoozedUntil: 1767225600 });
 */
export interface ConversationSeed {
  /** Digits, as Intercom's ids are (default: the next free id). */
  id?: string;
  state?: 'open' | 'closed' | 'snoozed';
  /** Unix seconds; required with `state: 'snoozed'`. */
  snoozedUntil?: number;
  adminAssigneeId?: string | number | null;
  teamAssigneeId?: string | number | null;
  title?: string | null;
  read?: boolean;
  priority?: 'priority' | 'not_priority';
  /** Unix seconds (default: the fake's clock). */
  createdAt?: number;
}

/**
 * Builds a whole conversation, valid against the effective spec, from a seed.
 *
 * @example
 * const conversation = conversationFromSeed({ state: 'closed' }, '1001', 1767225600);
 */
export function conversationFromSeed(
  seed: ConversationSeed,
  id: string,
  now: number,
): Conversation {
  const state = seed.state ?? 'open';
  if (!['open', 'closed', 'snoozed'].includes(state)) {
    throw new TypeError(
      `state must be "open", "closed" or "snoozed", not ${JSON.stringify(state)}`,
    );
  }
  if (state === 'snoozed' && !Number.isSafeInteger(seed.snoozedUntil)) {
    throw new TypeError('A snoozed conversation needs snoozedUntil, in Unix seconds');
  }
  const createdAt = seed.createdAt ?? now;
  if (!Number.isSafeInteger(createdAt) || createdAt < 0) {
    throw new TypeError(`createdAt must be whole Unix seconds, not ${seed.createdAt}`);
  }
  return {
    type: 'conversation',
    id,
    title: seed.title ?? null,
    created_at: createdAt,
    updated_at: createdAt,
    waiting_since: null,
    snoozed_until: state === 'snoozed' ? seed.snoozedUntil! : null,
    open: state !== 'closed',
    state,
    read: seed.read ?? true,
    priority: seed.priority ?? 'not_priority',
    admin_assignee_id: numericIdOrNull(seed.adminAssigneeId, 'adminAssigneeId'),
    team_assignee_id: numericIdOrNull(seed.teamAssigneeId, 'teamAssigneeId'),
    tags: { type: 'tag.list', tags: [] },
    conversation_rating: null,
    source: {
      type: 'conversation',
      id: `${id}0`,
      delivered_as: 'customer_initiated',
      subject: '',
      body: '<p>Hi there</p>',
      author: {
        type: 'user',
        id: '5310d8e7598c9a0b24000002',
        name: 'Jo Customer',
        email: 'jo@example.com',
      },
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: {
      type: 'contact.list',
      contacts: [{ type: 'contact', id: '5310d8e7598c9a0b24000002', external_id: null }],
    },
    teammates: { type: 'admin.list', teammates: [] },
    first_contact_reply: null,
    sla_applied: null,
    statistics: {
      type: 'conversation_statistics',
      count_reopens: 0,
      count_assignments: 0,
      count_conversation_parts: 0,
    },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 },
    linked_objects: { type: 'list', total_count: 0, has_more: false, data: [] },
    ai_agent_participated: false,
    ai_agent: null,
    custom_attributes: {},
  };
}

/**
 * An id as the integer the API reports, or `null`.
 *
 * @example
 * numericIdOrNull('991267', 'adminAssigneeId'); // 991267
 */
export function numericIdOrNull(
  id: string | number | null | undefined,
  name: string,
): number | null {
  if (id === null || id === undefined) return null;
  const text = String(id);
  if (!/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new TypeError(
      `${name} must be a positive whole number or its digits, not ${JSON.stringify(id)}`,
    );
  }
  return Number(text);
}
