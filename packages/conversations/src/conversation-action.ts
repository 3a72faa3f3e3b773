import type { Conversation } from '@conversation-kit/types';

/**
 * An Intercom id: its digits as a string, or a safe integer. Sent as a string.
 *
 * @example
 * const adminId: Id = 991267;
 */
export type Id = string | number;

/**
 * Close a conversation, optionally leaving a message.
 *
 * @example
 * const action: CloseAction = { action: 'close', adminId: '991267', message: 'Solved!' };
 */
export interface CloseAction extends CloseFields {
  action: 'close';
}

/**
 * The fields of a close, as `close()` takes them.
 *
 * @example
 * const fields: CloseFields = { adminId: '991267', message: 'Solved!' };
 */
export interface CloseFields {
  /** The admin performing the action. */
  adminId: Id;
  message?: string;
}

/**
 * Snooze a conversation until a moment in the future.
 *
 * @example
 * const action: SnoozeAction = { action: 'snooze', adminId: '991267', until: new Date('2027-01-01') };
 */
export interface SnoozeAction extends SnoozeFields {
  action: 'snooze';
}

/**
 * The fields of a snooze, as `snooze()` takes them.
 *
 * @example
 * const fields: SnoozeFields = { adminId: '991267', until: new Date('2027-01-01') };
 */
export interface SnoozeFields {
  adminId: Id;
  /** A `Date`, or Unix seconds (not milliseconds). */
  until: Date | number;
}

/**
 * Open a closed or snoozed conversation.
 *
 * @example
 * const action: OpenAction = { action: 'open', adminId: '991267' };
 */
export interface OpenAction extends OpenFields {
  action: 'open';
}

/**
 * The fields of an open, as `open()` takes them.
 *
 * @example
 * const fields: OpenFields = { adminId: '991267' };
 */
export interface OpenFields {
  adminId: Id;
}

/**
 * Assign a conversation to an admin or a team, optionally leaving a message.
 *
 * @example
 * const action: AssignAction = { action: 'assign', adminId: '991267', assignee: { type: 'team', id: 5017691 } };
 */
export interface AssignAction extends AssignFields {
  action: 'assign';
}

/**
 * The fields of an assignment, as `assign()` takes them.
 *
 * @example
 * const fields: AssignFields = { adminId: '991267', assignee: { type: 'admin', id: 814860 } };
 */
export interface AssignFields<T extends 'admin' | 'team' = 'admin' | 'team'> {
  adminId: Id;
  assignee: { type: T; id: Id };
  message?: string;
}

/**
 * Remove a conversation's admin or team assignee.
 *
 * @example
 * const action: UnassignAction = { action: 'unassign', adminId: '991267', from: 'team' };
 */
export interface UnassignAction extends UnassignFields {
  action: 'unassign';
}

/**
 * The fields of an unassignment, as `unassign()` takes them.
 *
 * @example
 * const fields: UnassignFields = { adminId: '991267', from: 'team' };
 */
export interface UnassignFields<F extends 'admin' | 'team' = 'admin' | 'team'> {
  adminId: Id;
  from: F;
}

/**
 * Anything `manage()` can do to a conversation, told apart by `action`.
 *
 * @example
 * function describe(action: ConversationAction): string {
 *   switch (action.action) {
 *     case 'close': return 'close';
 *     case 'snooze': return `snooze until ${action.until}`;
 *     case 'open': return 'open';
 *     case 'assign': return `assign to ${action.assignee.type}`;
 *     case 'unassign': return `unassign the ${action.from}`;
 *   }
 * }
 */
export type ConversationAction =
  CloseAction | SnoozeAction | OpenAction | AssignAction | UnassignAction;

/**
 * A conversation just closed.
 *
 * @example
 * const closed: ClosedConversation = await conversations.close(id, { adminId });
 */
export type ClosedConversation = Conversation & { state: 'closed'; open: false };

/**
 * A conversation just snoozed, with the time it wakes up.
 *
 * @example
 * const { snoozed_until } = await conversations.snooze(id, { adminId, until });
 */
export type SnoozedConversation = Conversation & { state: 'snoozed'; snoozed_until: number };

/**
 * A conversation just opened.
 *
 * @example
 * const opened: OpenedConversation = await conversations.open(id, { adminId });
 */
export type OpenedConversation = Conversation & { state: 'open'; open: true };

/**
 * What an action resolves to: the conversation, typed with what the action guarantees (the state,
 * or the assignee it set or cleared).
 *
 * @example
 * type Result = ActionResult<{ action: 'assign'; adminId: '1'; assignee: { type: 'team'; id: 2 } }>;
 * // Conversation & { team_assignee_id: number }
 */
export type ActionResult<A extends ConversationAction> = A extends CloseAction
  ? ClosedConversation
  : A extends SnoozeAction
    ? SnoozedConversation
    : A extends OpenAction
      ? OpenedConversation
      : A extends AssignAction
        ? Conversation & AssigneeSet<A['assignee']['type']>
        : A extends UnassignAction
          ? AssigneeCleared<A['from']>
          : Conversation;

type AssigneeSet<T> = T extends 'admin'
  ? { admin_assignee_id: number }
  : T extends 'team'
    ? { team_assignee_id: number }
    : unknown;

type AssigneeCleared<T> = T extends 'admin'
  ? ClearedField<'admin_assignee_id'>
  : T extends 'team'
    ? ClearedField<'team_assignee_id'>
    : Conversation;

// `null extends number` only with strictNullChecks off, where `number | null` is `number` and
// `Conversation & { admin_assignee_id: null }` would be never: there the field is left out of
// Conversation before it is set to null.
type ClearedField<K extends keyof Conversation> = null extends number
  ? Omit<Conversation, K> & { [P in K]: null }
  : Conversation & { [P in K]: null };

/**
 * An action with no field of another action: excess-property checks do not reach a type
 * parameter, so `manage()` spells the rule out.
 *
 * @example
 * function manage<A extends ConversationAction>(id: Id, action: Exactly<A>): void {}
 */
export type Exactly<A extends ConversationAction> = A & {
  [K in Exclude<keyof A, keyof Extract<ConversationAction, { action: A['action'] }>>]: never;
};
