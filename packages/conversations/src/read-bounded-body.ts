/**
 * Reads a response body as text, at most `limit` bytes of it. A body with a `Content-Length`
 * within the bound and no `Content-Encoding` is read whole (fetch checks the length); any other
 * is streamed and cancelled as soon as it passes the bound, so a huge or endless body costs
 * neither memory nor time. `complete` is false when the body was cut off.
 *
 * @example
 * const { text, complete } = await readBoundedBody(response, 16 * 1024 * 1024);
 */
export async function readBoundedBody(
  response: Response,
  limit: number,
): Promise<{ text: string; complete: boolean }> {
  const stream = response.body;
  if (stream === null) return { text: '', complete: true };
  const length = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  if (length !== null && (encoding === null || encoding === 'identity')) {
    const bytes = Number(length);
    if (bytes <= limit) return { text: await response.text(), complete: true };
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), complete: true };
    received += value.byteLength;
    if (received > limit) {
      void reader.cancel().catch(() => {});
      const kept = value.subarray(0, value.byteLength - (received - limit));
      return { text: text + decoder.decode(kept), complete: false };
    }
    text += decoder.decode(value, { stream: true });
  }
}
