import type { FakeIntercom } from '../fake-intercom.js';

/** A response from the fake, its body parsed as JSON (or left as text when it is not JSON). */
export interface FakeResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface PostOptions {
  /** The bearer token to send; `null` sends no Authorization header (default: the fake's). */
  token?: string | null;
  /** Extra request headers. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  method?: string;
}

/**
 * Sends a request to the fake with the global `fetch`, over a real socket: an object body as
 * JSON, a string body as it is.
 *
 * @example
 * const response = await post(fake, `/conversations/${id}/parts`, { message_type: 'open', admin_id: '1' });
 */
export async function post(
  fake: Pick<FakeIntercom, 'url' | 'token'>,
  path: string,
  body: unknown,
  options: PostOptions = {},
): Promise<FakeResponse> {
  const token = options.token === undefined ? fake.token : options.token;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    ...options.headers,
  };
  const method = options.method ?? 'POST';
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD'
      ? {}
      : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Left as text: the spec check below then fails loudly for a JSON status.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * Posts an action to `POST /conversations/{id}/parts`.
 *
 * @example
 * await manage(fake, '1001', { message_type: 'close', type: 'admin', admin_id: '1' });
 */
export function manage(
  fake: Pick<FakeIntercom, 'url' | 'token'>,
  conversationId: string,
  action: unknown,
  options: PostOptions = {},
): Promise<FakeResponse> {
  return post(fake, `/conversations/${conversationId}/parts`, action, options);
}

/** Resolves once `condition()` holds, checking every few milliseconds (the test timeout bounds it). */
export async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
