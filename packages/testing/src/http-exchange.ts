import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

/**
 * Reads a request body as text, up to 1 MB; a larger one is cut off, which then fails as JSON.
 *
 * @example
 * const rawBody = await readBody(request);
 */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends a response: objects as JSON, text as it is.
 *
 * @example
 * send(response, 200, { type: 'conversation' }, { 'X-RateLimit-Limit': '1666' });
 */
export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
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
  response.writeHead(status, Object.fromEntries(merged.values()));
  response.end(text);
}
