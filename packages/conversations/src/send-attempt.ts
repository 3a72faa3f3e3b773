import type { Client } from 'openapi-fetch';
import type { ManageConversationRequest, paths } from '@conversation-kit/fetch';
import { manageConversation } from '@conversation-kit/fetch';

/** How one attempt ended. */
export type AttemptResult =
  | { kind: 'answer'; status: number; headers: Headers; body: unknown }
  | { kind: 'network'; cause: unknown; reachedServer: boolean }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'aborted'; cause: unknown; sent: boolean };

// Failures while connecting: the request never left, so it cannot have been applied.
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Sends one attempt, bounded by `timeoutMs` and the caller's signal, and reports how it ended
 * instead of throwing. The body of a 2xx is read as text and parsed here, so a broken body is
 * told apart from a network failure.
 *
 * @example
 * const result = await sendAttempt(client, '123', body, { timeoutMs: 30_000 });
 */
export async function sendAttempt(
  client: Client<paths>,
  conversationId: string,
  body: ManageConversationRequest,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) {
      return { kind: 'aborted', cause: options.signal.reason, sent: false };
    }
    const { data, error, response } = await manageConversation(client, {
      params: { path: { id: conversationId } },
      body,
      parseAs: 'text',
      signal: controller.signal,
    });
    return {
      kind: 'answer',
      status: response.status,
      headers: response.headers,
      body: data ?? error,
    };
  } catch (cause) {
    if (options.signal?.aborted)
      return { kind: 'aborted', cause: options.signal.reason, sent: true };
    if (timedOut) return { kind: 'timeout', cause };
    return { kind: 'network', cause, reachedServer: !CONNECT_FAILURES.has(errorCode(cause) ?? '') };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
