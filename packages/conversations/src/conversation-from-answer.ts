import type { Conversation } from '@conversation-kit/types';
import type { ResultExpectation } from './action-request.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';

const STATES = new Set(['open', 'closed', 'snoozed']);

/**
 * The conversation in a 2xx answer, checked against what the action promises, so the per-action
 * result types are never a lie.
 *
 * @example
 * const closed = conversationFromAnswer(200, text, { state: 'closed' });
 */
export function conversationFromAnswer(
  status: number,
  text: unknown,
  expectation: ResultExpectation,
): Conversation {
  let body: unknown;
  try {
    body = JSON.parse(String(text));
  } catch {
    throw new UnexpectedResponseError(status, 'a body that is not JSON');
  }
  const conversation = body as Partial<Conversation> | null;
  if (
    typeof conversation !== 'object' ||
    conversation === null ||
    conversation.type !== 'conversation' ||
    typeof conversation.id !== 'string' ||
    !STATES.has(conversation.state as string)
  ) {
    throw new UnexpectedResponseError(status, 'JSON that is not a conversation');
  }
  const { state, assignee } = expectation;
  if (state !== undefined && conversation.state !== state) {
    throw new UnexpectedResponseError(
      status,
      `a conversation whose state is "${conversation.state}", not "${state}"`,
    );
  }
  if (
    (state === 'closed' && conversation.open !== false) ||
    (state === 'open' && conversation.open !== true)
  ) {
    throw new UnexpectedResponseError(
      status,
      `a ${state} conversation whose open flag is ${String(conversation.open)}`,
    );
  }
  if (state === 'snoozed' && typeof conversation.snoozed_until !== 'number') {
    throw new UnexpectedResponseError(status, 'a snoozed conversation without snoozed_until');
  }
  if (assignee && conversation[assignee.field] !== assignee.value) {
    throw new UnexpectedResponseError(
      status,
      `a conversation whose ${assignee.field} is ${String(conversation[assignee.field])}, not ${String(assignee.value)}`,
    );
  }
  return conversation as Conversation;
}
