import type { ServerResponse } from 'node:http';
import { lingerBeforeClosing } from './lingering-close.js';

/**
 * Sends a response: objects as JSON, text as it is. With `close`, the connection ends after the
 * answer, so that a body the fake did not read is never read.
 *
 * @example
 * send(response, 200, { type: 'conversation' }, { 'X-RateLimit-Limit': '1666' });
 */
export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  close = false,
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const merged = new Map<string, [string, string]>();
  const set = (name: string, value: string): void => {
    merged.set(name.toLowerCase(), [name, value]);
  };
  set(
    'Content-Type',
    typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
  );
  set('Content-Length', String(Buffer.byteLength(text)));
  // Given headers replace the defaults whatever their case, rather than being sent beside them.
  for (const [name, value] of Object.entries(headers)) set(name, value);
  // Node ends the connection once a response that says so is sent; it lingers a little first, so
  // that the answer reaches a client still sending a body the fake will not read.
  if (close) {
    set('Connection', 'close');
    lingerBeforeClosing(response.req);
  }
  response.writeHead(status, Object.fromEntries(merged.values()));
  response.end(text);
}
