import { operationTable } from '@conversation-kit/fetch';
import type { ManageConversationRequest } from '@conversation-kit/types';
import { readBoundedBody } from './read-bounded-body.js';
import { connectFailureCodes } from './retry-policy.js';

/** How one attempt ended. */
export type AttemptResult =
  | { kind: 'answer'; status: number; headers: Headers; body: string }
  | { kind: 'redirect'; status: number; targetOrigin: string | undefined }
  | { kind: 'unreadable'; status: number; headers: Headers; problem: string }
  | { kind: 'network'; cause: unknown; reachedServer: boolean }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'aborted'; cause: unknown; sent: boolean };

/** What every attempt of one client shares, built once. */
export interface Transport {
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

const {
  method,
  path,
  pathParameters: [idParameter],
} = operationTable.manageConversation;
// The parameter's name is the spec's (`id` in 2.12, `conversation_id` in 2.14); callers never see it.
const [BEFORE_ID, AFTER_ID] = path.split(`{${idParameter}}`) as [string, string];

// An error body is only shown as an excerpt: reading more than this would only cost time.
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Sends one attempt with `fetch(url, init)`, bounded by `timeoutMs` and the caller's signal, and
 * reports how it ended instead of throwing. Redirects are never followed. The body is read here,
 * within the size bound, so a broken or oversized body is told apart from a network failure.
 *
 * @example
 * const result = await sendAttempt(transport, '123', body, signal);
 */
export async function sendAttempt(
  transport: Transport,
  conversationId: string,
  body: ManageConversationRequest,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  if (signal?.aborted) return { kind: 'aborted', cause: signal.reason, sent: false };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const url = `${transport.baseUrl}${BEFORE_ID}${encodeURIComponent(conversationId)}${AFTER_ID}`;
  const init: RequestInit = {
    method,
    headers: transport.headers,
    body: JSON.stringify(body),
    signal: controller.signal,
    redirect: 'manual',
  };
  const failed = (cause: unknown): AttemptResult => {
    if (signal?.aborted) return { kind: 'aborted', cause: signal.reason, sent: true };
    if (timedOut) return { kind: 'timeout', cause };
    return {
      kind: 'network',
      cause,
      reachedServer: !connectFailureCodes.has(errorCode(cause) ?? ''),
    };
  };
  try {
    let response: Response;
    try {
      response = await (transport.fetch
        ? transport.fetch(new Request(url, init))
        : fetch(url, init));
    } catch (cause) {
      return failed(cause);
    }
    const { status, headers } = response;
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'redirect', status, targetOrigin: originOf(headers.get('location'), url) };
    }
    const success = status >= 200 && status < 300;
    const limit = success ? transport.maxResponseBytes : MAX_ERROR_BODY_BYTES;
    try {
      const read = await readBoundedBody(response, limit);
      if (read.complete || !success) return { kind: 'answer', status, headers, body: read.text };
      return {
        kind: 'unreadable',
        status,
        headers,
        problem: `a body larger than the ${transport.maxResponseBytes} bytes allowed by maxResponseBytes`,
      };
    } catch (cause) {
      if (signal?.aborted || timedOut) return failed(cause);
      if (!success) return { kind: 'answer', status, headers, body: '' };
      // The status was sent, so the request was processed; the body, often a Content-Encoding
      // that does not match it, is what failed.
      return {
        kind: 'unreadable',
        status,
        headers,
        problem: 'a body that could not be read or decoded',
      };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function originOf(location: string | null, base: string): string | undefined {
  if (location === null) return undefined;
  try {
    const { origin } = new URL(location, base);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
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
