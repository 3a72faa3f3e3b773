import type { IntercomError } from '@conversation-kit/types';
import type { SchemaValidator } from '@conversation-kit/spec/validator';
import { ApiFailure } from './api-failure.js';
import { applyAction, type AssignmentEffects } from './apply-action.js';
import { checkedRequestBody } from './checked-request-body.js';
import type { ConversationStore } from './conversation-store.js';
import type { Directory } from './directory.js';
import { isJsonMediaType } from './media-type.js';
import type { OperationRoute } from './operation-route.js';
import type { RateLimiter } from './rate-limiter.js';

/** What the fake needs to answer a request. */
export interface HandlerState {
  store: ConversationStore;
  admins: Directory;
  teams: Directory;
  limiter: RateLimiter | undefined;
  validator: SchemaValidator;
  route: OperationRoute;
  variants: ReadonlyMap<string, string>;
  versions: ReadonlySet<string>;
  assignment: AssignmentEffects;
  nowSeconds: () => number;
  nextPartId: () => string;
}

/** A request as the handler sees it. */
export interface IncomingCall {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** The answer, and whether the action changed the conversation. */
export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  applied: boolean;
}

/**
 * Answers one authenticated request as Intercom's "Manage a conversation" would: rate limit,
 * `Intercom-Version`, route, `Content-Type`, body validation, then the action itself.
 *
 * @example
 * const answer = answerManageConversation(call, state);
 */
export function answerManageConversation(call: IncomingCall, state: HandlerState): Answer {
  const rateLimit = state.limiter?.consume();
  // Intercom's rate-limiting reference: every answer carries the X-RateLimit-* headers.
  const headers: Record<string, string> = rateLimit
    ? {
        'X-RateLimit-Limit': String(rateLimit.limit),
        'X-RateLimit-Remaining': String(rateLimit.remaining),
        'X-RateLimit-Reset': String(rateLimit.reset),
      }
    : {};
  try {
    if (rateLimit?.exceeded) {
      // The 429 `error.list` of the spec's overlay, after Intercom's rate-limiting reference.
      throw new ApiFailure(429, 'rate_limit_exceeded', `Exceeded rate limit of ${rateLimit.limit}`);
    }
    // The `Intercom-Version` header's values are the enum of the spec's `intercom_version`.
    const version = call.headers['intercom-version'];
    if (version !== undefined && (typeof version !== 'string' || !state.versions.has(version))) {
      const known = [...state.versions].join(', ');
      throw new ApiFailure(
        400,
        'intercom_version_invalid',
        `Intercom-Version must be one of ${known}`,
        'Intercom-Version',
      );
    }
    const id = conversationIdOf(call, state.route);
    checkContentType(call.headers['content-type']);
    const action = checkedRequestBody(call.rawBody, state.validator, state.variants);
    const conversation = state.store.live(id);
    // Intercom's file, manageConversation's 404 example: `not_found`, "Resource Not Found".
    if (!conversation) throw new ApiFailure(404, 'not_found', 'Resource Not Found');
    applyAction(conversation, action, {
      admins: state.admins,
      teams: state.teams,
      now: state.nowSeconds(),
      nextPartId: state.nextPartId,
      assignment: state.assignment,
    });
    return { status: 200, body: structuredClone(conversation), headers, applied: true };
  } catch (error) {
    if (error instanceof ApiFailure) return failure(error, headers);
    throw error;
  }
}

/**
 * The answer for a failure, as an `error.list`.
 *
 * @example
 * const answer = failure(new ApiFailure(401, 'unauthorized', 'Access Token Invalid'), {});
 */
export function failure(error: ApiFailure, headers: Record<string, string>): Answer {
  const body: IntercomError = error.body();
  return { status: error.status, body, headers, applied: false };
}

function conversationIdOf(call: IncomingCall, route: OperationRoute): string {
  // The route is the document's path template for the operation; a query string is ignored.
  const parameter = route.parameterOf(call.path);
  if (call.method !== route.method || parameter === undefined) {
    throw new ApiFailure(404, 'not_found', `No route for ${call.method} ${call.path}`);
  }
  try {
    return decodeURIComponent(parameter);
  } catch {
    throw new ApiFailure(404, 'not_found', 'Resource Not Found');
  }
}

function checkContentType(contentType: string | string[] | undefined): void {
  // The operation's requestBody offers only `application/json`, and Intercom asks clients to send
  // that Content-Type (its file, createDataEvent). Intercom documents no answer to another one:
  // 415 is RFC 9110 §15.5.16's "Unsupported Media Type".
  const value = typeof contentType === 'string' ? contentType : undefined;
  if (isJsonMediaType(value)) return;
  // The client's own text, shortened: an answer should not repeat kilobytes back.
  const shown = value !== undefined && value.length > 80 ? `${value.slice(0, 80)}…` : value;
  const sent = shown === undefined ? 'and none was sent' : `not ${shown}`;
  throw new ApiFailure(
    415,
    'unsupported_media_type',
    `Content-Type must be application/json, ${sent}`,
    'Content-Type',
  );
}
