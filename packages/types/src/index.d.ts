/**
 * Types for Intercom REST API 2.12 "Manage a conversation" (`POST /conversations/{id}/parts`):
 * openapi-typescript's `paths`, `components` and `operations`, and a PascalCase alias for every
 * schema.
 *
 * @example
 * import type { Conversation, ManageConversationRequest } from '@conversation-kit/types';
 */
export type * from './generated/openapi.js';
export type * from './generated/schemas.js';
