import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from './fake-intercom.js';

/**
 * Whether a request carries the fake's bearer token, compared in constant time.
 *
 * @example
 * if (!carriesToken(request.headers, token)) refuse(401);
 */
export function carriesToken(headers: IncomingMessage['headers'], token: string): boolean {
  const sent = Buffer.from(headers['authorization'] ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * The record of a request as its headers arrive: no body yet, no answer yet. The token never
 * goes in: recorded requests end up in test output.
 *
 * @example
 * const record = recordOf(request, token);
 */
export function recordOf(request: IncomingMessage, token: string): RecordedRequest {
  const authorized = carriesToken(request.headers, token);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if ('authorization' in headers) headers['authorization'] = authorized ? 'ok' : 'wrong';
  return {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers,
    authorized,
    rawBody: '',
    body: undefined,
    bodyBytes: 0,
    bodyTruncated: false,
    status: 0,
    applied: false,
  };
}

/**
 * Whether a request says it has a body: a `Content-Length` above zero, or any `Transfer-Encoding`.
 *
 * @example
 * if (hasBody(request.headers)) record.bodyTruncated = true;
 */
export function hasBody(headers: IncomingMessage['headers']): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}
