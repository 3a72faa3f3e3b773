import { expect } from 'vitest';
import { operationTable, type IntercomError } from '../index.js';

/** Distinctive enough that finding it in a message or a dump can only mean a leak. */
export const token = 'tok_fake_intercom_5e7c0a1d_do_not_print';

/** The operation's path template, as the generated operation table holds it. */
export const conversationsPath = operationTable.manageConversation.path;

type ConversationParameter = (typeof operationTable)['manageConversation']['pathParameters'][0];

/** The path parameters naming a conversation, by the name the API version gives its parameter. */
export function conversationParams(id: string): Record<ConversationParameter, string> {
  const [name] = operationTable.manageConversation.pathParameters;
  return { [name]: id } as Record<ConversationParameter, string>;
}

/** The admin and the team every fake knows (see `fakesClosedAfterEach`). */
export const adminId = '991267';
export const teamId = '5017691';

/** The fakes' clock, fixed so that snoozes and rate-limit windows do not depend on the time. */
export const nowMs = Date.UTC(2026, 0, 1); // 2026-01-01T00:00:00Z
export const nowSeconds = nowMs / 1000;

export const closeRequest = {
  message_type: 'close',
  type: 'admin',
  admin_id: adminId,
  body: 'Goodbye :)',
} as const;

/** The `error.list` the fake answers with; its `request_id` is random. */
export function errorList(code: string, message: string | RegExp, field?: string): IntercomError {
  const error = {
    code,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  };
  return {
    type: 'error.list',
    request_id: expect.any(String),
    errors: [field === undefined ? error : { ...error, field }],
  };
}
