export {
  createConversations,
  type Conversations,
  type CallOptions,
} from './create-conversations.js';
export type { ConversationsOptions } from './conversations-options.js';
export type {
  ActionResult,
  AssignAction,
  AssignFields,
  ClosedConversation,
  CloseAction,
  CloseFields,
  ConversationAction,
  Exactly,
  Id,
  OpenAction,
  OpenFields,
  OpenedConversation,
  SnoozeAction,
  SnoozeFields,
  SnoozedConversation,
  UnassignAction,
  UnassignFields,
} from './conversation-action.js';
export type {
  ManageManyItem,
  ManageManyOptions,
  ManageManyOutcome,
  ManageManyReport,
} from './manage-many.js';
export { validateAction } from './validate-action.js';
export type { RateLimitState } from './rate-limit-state.js';
export type { RateLimitReservation, RateLimitSlot, RateLimitStore } from './rate-limit-store.js';
export { createInProcessRateLimitStore } from './in-process-rate-limit-store.js';
export { retryDefaults, type RetryOptions } from './retry-defaults.js';
export { RedirectError } from './errors/redirect-error.js';
export { ConversationsError } from './errors/conversations-error.js';
export { ValidationError } from './errors/validation-error.js';
export { ApiError, type ApiErrorDetail } from './errors/api-error.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { PermissionDeniedError } from './errors/permission-denied-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { RateLimitWaitError } from './errors/rate-limit-wait-error.js';
export { ServerError } from './errors/server-error.js';
export { ConnectionError } from './errors/connection-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { AbortError } from './errors/abort-error.js';
export { UnexpectedResponseError } from './errors/unexpected-response-error.js';
export type { Conversation } from '@conversation-kit/types';
