import type { Client } from 'openapi-fetch';
import type { Conversation } from '@conversation-kit/types';
import type { paths } from '@conversation-kit/fetch';
import type { ActionRequest } from './action-request.js';
import { apiErrorForAnswer } from './errors/api-error-for-answer.js';
import { conversationFromAnswer } from './conversation-from-answer.js';
import { AbortError } from './errors/abort-error.js';
import { ConnectionError } from './errors/connection-error.js';
import { appliedEarlier } from './errors/applied-earlier.js';
import { ConversationsError } from './errors/conversations-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { rateLimitFrom } from './rate-limit-state.js';
import type { RateLimitPacer, Timing } from './rate-limit-pacer.js';
import type { retryDefaults } from './retry-defaults.js';
import { waitForRateLimit } from './retry-after.js';
import { sendAttempt, type AttemptResult } from './send-attempt.js';

/** Everything a call needs besides the action. */
export interface CallContext {
  client: Client<paths>;
  pacer: RateLimitPacer;
  timing: Timing;
  timeoutMs: number;
  retry: typeof retryDefaults;
  random: () => number;
}

/** A failed attempt: the error to throw, and whether trying again is safe. */
interface Failure {
  error: ConversationsError;
  /** `safe`: not processed; `ambiguous`: maybe processed; `final`: retrying cannot help. */
  retry: 'safe' | 'ambiguous' | 'final';
  waitMs?: number | undefined;
}

/**
 * Sends an action until it succeeds or the retry policy says stop: 429, 503 and refused
 * connections are always retried (they were not processed); 500, 502, 504, resets and timeouts
 * only for actions that converge when repeated, never for one that posts a message unless the
 * caller opted in. The caller's signal cancels at once, in flight or while waiting.
 *
 * @example
 * const conversation = await sendWithRetries(context, '123', actionRequest(action, 'action', Date.now()), signal);
 */
export async function sendWithRetries(
  context: CallContext,
  conversationId: string,
  request: ActionRequest,
  signal?: AbortSignal,
): Promise<Conversation> {
  const { retry, timing } = context;
  const repeatable = !request.postsMessage || retry.retryMessagesAfterAmbiguousFailure;
  // Whether an earlier attempt may have taken effect: an error thrown later must still say so.
  let mayHaveBeenApplied = false;
  const abortError = (cause: unknown): AbortError =>
    new AbortError('The call was aborted.', { cause, mayHaveBeenApplied });
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw abortError(signal.reason);
    const release = await context.pacer.acquire(signal).catch((error: unknown) => {
      if (signal?.aborted) throw abortError(signal.reason);
      throw mayHaveBeenApplied && error instanceof ConversationsError
        ? appliedEarlier(error)
        : error;
    });
    const result = await sendAttempt(context.client, conversationId, request.body, {
      timeoutMs: context.timeoutMs,
      signal,
    });
    release(result.kind === 'answer' ? result.headers : undefined);

    if (result.kind === 'answer' && result.status >= 200 && result.status < 300) {
      return conversationFromAnswer(result.status, result.body, request.expectation);
    }
    if (result.kind === 'aborted') {
      mayHaveBeenApplied ||= result.sent;
      throw abortError(result.cause);
    }
    const failure = failureOf(result, timing.now(), context.timeoutMs);
    if (mayHaveBeenApplied) appliedEarlier(failure.error);
    mayHaveBeenApplied ||= failure.error.mayHaveBeenApplied;
    const retryable = failure.retry === 'safe' || (failure.retry === 'ambiguous' && repeatable);
    if (!retryable || attempt >= retry.maxRetries) throw failure.error;

    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    const waitMs = failure.waitMs ?? backoff * (0.5 + context.random() / 2);
    if (failure.waitMs !== undefined && failure.waitMs > retry.maxRateLimitWaitMs) {
      throw failure.error;
    }
    try {
      await timing.sleep(waitMs, signal);
    } catch (error) {
      throw signal?.aborted ? abortError(signal.reason) : error;
    }
  }
}

function failureOf(
  result: Exclude<AttemptResult, { kind: 'aborted' }>,
  nowMs: number,
  timeoutMs: number,
): Failure {
  switch (result.kind) {
    case 'timeout':
      return {
        error: new TimeoutError(timeoutMs, { mayHaveBeenApplied: true, cause: result.cause }),
        retry: 'ambiguous',
      };
    case 'network':
      return {
        error: new ConnectionError(
          result.reachedServer
            ? 'The connection failed after the request was sent. The action may have been applied.'
            : 'Could not connect to Intercom; nothing was sent.',
          { mayHaveBeenApplied: result.reachedServer, cause: result.cause },
        ),
        retry: result.reachedServer ? 'ambiguous' : 'safe',
      };
    case 'answer': {
      const { status, headers, body } = result;
      const ambiguous = status === 500 || status === 502 || status === 504;
      const rateLimit = rateLimitFrom(headers);
      const waitMs = status === 429 ? waitForRateLimit(headers, nowMs) : undefined;
      const resetAt = waitMs === undefined ? rateLimit?.resetAt : new Date(nowMs + waitMs);
      const error = apiErrorForAnswer(status, body, rateLimit, resetAt, ambiguous);
      if (status === 429) return { error, retry: 'safe', waitMs: waitMs ?? 1000 };
      if (status === 503) return { error, retry: 'safe' };
      return { error, retry: ambiguous ? 'ambiguous' : 'final' };
    }
  }
}
