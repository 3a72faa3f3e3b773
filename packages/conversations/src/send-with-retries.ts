import type { Conversation } from '@conversation-kit/types';
import type { ActionRequest } from './action-request.js';
import { apiErrorForAnswer } from './errors/api-error-for-answer.js';
import { conversationFromAnswer } from './conversation-from-answer.js';
import { AbortError } from './errors/abort-error.js';
import { ConnectionError } from './errors/connection-error.js';
import type { ConversationsError } from './errors/conversations-error.js';
import { RateLimitWaitError } from './errors/rate-limit-wait-error.js';
import { RedirectError } from './errors/redirect-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { rateLimitFrom } from './rate-limit-state.js';
import type { RateLimitPacer, Timing } from './rate-limit-pacer.js';
import type { RetryOptions } from './retry-defaults.js';
import { waitForRateLimit } from './retry-after.js';
import { retryClassOfStatus, type RetryClass } from './retry-policy.js';
import { sendAttempt, type AttemptResult, type Transport } from './send-attempt.js';

/** Everything a call needs besides the action. */
export interface CallContext {
  transport: Transport;
  pacer: RateLimitPacer;
  timing: Timing;
  retry: Readonly<Required<RetryOptions>>;
  random: () => number;
}

/** A failed attempt: the error to throw, built once, and whether trying again is safe. */
interface Failure {
  error: ConversationsError;
  retry: RetryClass;
  waitMs?: number | undefined;
}

type FailedAttempt = Exclude<AttemptResult, { kind: 'aborted' }>;

/**
 * Sends an action until it succeeds or the retry policy (`retry-policy.ts`) says stop: `safe`
 * failures are always retried, `ambiguous` ones only for actions that converge when repeated,
 * never for one that posts a message unless the caller opted in, `final` ones never. Every error
 * says whether this or an earlier attempt may have been applied. The caller's signal cancels at
 * once, in flight or while waiting.
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
  // Whether an earlier attempt may have taken effect: every error thrown later must say so.
  let appliedEarlier = false;
  const abortError = (cause: unknown, applied: boolean): AbortError =>
    new AbortError('The call was aborted.', { cause, mayHaveBeenApplied: applied });
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw abortError(signal.reason, appliedEarlier);
    const release = await context.pacer.acquire(signal).catch((error: unknown) => {
      if (signal?.aborted) throw abortError(signal.reason, appliedEarlier);
      throw appliedEarlier && error instanceof RateLimitWaitError
        ? refusedAfterApplied(error)
        : error;
    });
    const result = await sendAttempt(context.transport, conversationId, request.body, signal);
    release(result.kind === 'answer' || result.kind === 'unreadable' ? result.headers : undefined);

    if (result.kind === 'answer' && result.status >= 200 && result.status < 300) {
      return conversationFromAnswer(result.status, result.body, request.expectation);
    }
    if (result.kind === 'aborted') throw abortError(result.cause, appliedEarlier || result.sent);
    const failure = failureOf(result, appliedEarlier, timing.now(), context.transport.timeoutMs);
    appliedEarlier = failure.error.mayHaveBeenApplied;
    const retryable = failure.retry === 'safe' || (failure.retry === 'ambiguous' && repeatable);
    if (!retryable || attempt >= retry.maxRetries) throw failure.error;
    if (failure.waitMs !== undefined && failure.waitMs > retry.maxRateLimitWaitMs) {
      throw failure.error;
    }
    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    const waitMs = failure.waitMs ?? backoff * (0.5 + context.random() / 2);
    try {
      await timing.sleep(waitMs, signal);
    } catch (error) {
      throw signal?.aborted ? abortError(signal.reason, appliedEarlier) : error;
    }
  }
}

/** The pacer's refusal, made again with the news that an earlier attempt may have been applied. */
// The pacer refused a retry: the error it built says nothing was sent, which holds for this
// attempt only.
function refusedAfterApplied(error: RateLimitWaitError): RateLimitWaitError {
  return new RateLimitWaitError({
    waitMs: error.waitMs,
    maxWaitMs: error.maxWaitMs,
    rateLimit: error.rateLimit,
    mayHaveBeenApplied: true,
  });
}

function failureOf(
  result: FailedAttempt,
  appliedEarlier: boolean,
  nowMs: number,
  timeoutMs: number,
): Failure {
  const earlier = appliedEarlier ? ' An earlier attempt may have been applied.' : '';
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
            : `Could not connect to Intercom; nothing was sent.${earlier}`,
          { mayHaveBeenApplied: result.reachedServer || appliedEarlier, cause: result.cause },
        ),
        retry: result.reachedServer ? 'ambiguous' : 'safe',
      };
    case 'redirect':
      return { error: new RedirectError(result.status, result.targetOrigin), retry: 'final' };
    case 'unreadable':
      return { error: new UnexpectedResponseError(result.status, result.problem), retry: 'final' };
    case 'answer': {
      const { status, headers, body } = result;
      const retry = retryClassOfStatus(status);
      const rateLimit = rateLimitFrom(headers);
      const waitMs = status === 429 ? waitForRateLimit(headers, nowMs) : undefined;
      const resetAt = waitMs === undefined ? rateLimit?.resetAt : new Date(nowMs + waitMs);
      const parsed = parsedBody(body);
      const applied = retry === 'ambiguous' || appliedEarlier;
      const error = apiErrorForAnswer(status, parsed, rateLimit, resetAt, applied);
      return { error, retry, ...(status === 429 && { waitMs: waitMs ?? 1000 }) };
    }
  }
}

// An error body is Intercom's JSON error list, or a proxy's text or HTML page.
function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
