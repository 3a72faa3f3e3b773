import {
  ApiError,
  type Conversation,
  type ConversationsError,
} from '@conversation-kit/conversations';
import type { ErrorSummary, ResultingState } from '../journal/journal-record.js';

/**
 * How a line of this run ended: done, failed (not applied: safe to send again), may have been
 * applied, or not started because the run was stopped.
 *
 * @example
 * const outcome: LineOutcome = { status: 'done', result: resultingState(conversation) };
 */
export type LineOutcome =
  | { status: 'done'; result: ResultingState }
  | { status: 'failed' | 'may-have-been-applied'; error: ErrorSummary }
  | { status: 'not-started' };

/**
 * The state and assignees a conversation was left in.
 *
 * @example
 * resultingState(closed); // { state: 'closed', adminAssigneeId: 991267, teamAssigneeId: null, snoozedUntil: null }
 */
export function resultingState(conversation: Conversation): ResultingState {
  return {
    state: conversation.state,
    adminAssigneeId: conversation.admin_assignee_id ?? null,
    teamAssigneeId: conversation.team_assignee_id ?? null,
    snoozedUntil: conversation.snoozed_until ?? null,
  };
}

/**
 * A library error as the journal and the report keep it.
 *
 * @example
 * errorSummary(notFound); // { name: 'NotFoundError', code: 'not_found', status: 404, … }
 */
export function errorSummary(error: ConversationsError): ErrorSummary {
  const api = error instanceof ApiError ? error : undefined;
  return {
    name: error.name,
    code: api?.errors[0]?.code ?? null,
    status: api?.status ?? null,
    message: error.message,
    mayHaveBeenApplied: error.mayHaveBeenApplied,
  };
}
