import type { IntercomError } from '@conversation-kit/types';
import type { SchemaValidator } from '@conversation-kit/spec/validator';
import { ApiFailure } from './api-failure.js';
import { applyAction } from './apply-action.js';
import { checkedRequestBody } from './checked-request-body.js';
import type { ConversationStore } from './conversation-store.js';
import type { Directory } from './directory.js';
import type { RateLimiter } from './rate-limiter.js';

/** What the fake needs to answer a request. */
export interface HandlerState {
  token: string;
  store: ConversationStore;
  admins: Directory;
  teams: Directory;
  limiter: RateLimiter | undefined;
  validator: SchemaValidator;
  variants: ReadonlyMap<string, string>;
  versions: ReadonlySet<string>;
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

const PARTS_PATH = /^\/conversations\/([^/]+)\/parts$/;

/**
 * Answers one request as Intercom's `POST /conversations/{id}/parts` would: authentication, rate
 * limit, `Intercom-Version`, body validation, then the action itself.
 *
 * @example
 * const answer = answerManageConversation(call, state);
 */
export function answerManageConversation(call: IncomingCall, state: HandlerState): Answer {
  // Intercom sends no rate-limit headers with a 401.
  if (call.headers['authorization'] !== `Bearer ${state.token}`) {
    return failure(new ApiFailure(401, 'unauthorized', 'Access Token Invalid'), {});
  }
  const rateLimit = state.limiter?.consume();
  const headers: Record<string, string> = rateLimit
    ? {
        'X-RateLimit-Limit': String(rateLimit.limit),
        'X-RateLimit-Remaining': String(rateLimit.remaining),
        'X-RateLimit-Reset': String(rateLimit.reset),
      }
    : {};
  try {
    if (rateLimit?.exceeded) {
      throw new ApiFailure(429, 'rate_limit_exceeded', `Exceeded rate limit of ${rateLimit.limit}`);
    }
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
    const id = conversationIdOf(call);
    const action = checkedRequestBody(call.rawBody, state.validator, state.variants);
    const conversation = state.store.live(id);
    if (!conversation) throw new ApiFailure(404, 'not_found', 'Resource Not Found');
    applyAction(conversation, action, {
      admins: state.admins,
      teams: state.teams,
      now: state.nowSeconds(),
      nextPartId: state.nextPartId,
    });
    return { status: 200, body: structuredClone(conversation), headers, applied: true };
  } catch (error) {
    if (error instanceof ApiFailure) return failure(error, headers);
    throw error;
  }
}

function conversationIdOf(call: IncomingCall): string {
  // Intercom ignores a query string on this route.
  const match = PARTS_PATH.exec(call.path.split('?')[0]!);
  if (call.method !== 'POST' || !match) {
    throw new ApiFailure(404, 'not_found', `No route for ${call.method} ${call.path}`);
  }
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    throw new ApiFailure(404, 'not_found', 'Resource Not Found');
  }
}

function failure(error: ApiFailure, headers: Record<string, string>): Answer {
  const body: IntercomError = error.body();
  return { status: error.status, body, headers, applied: false };
}
