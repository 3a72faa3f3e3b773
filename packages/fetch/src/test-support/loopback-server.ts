import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Node's parsed headers: names lower-cased, repeated values joined. */
  headers: IncomingHttpHeaders;
  /** Names and values exactly as sent, alternating, so repeated headers stay visible. */
  rawHeaders: string[];
  body: string;
}

/** How to answer one request. An object body is sent as JSON. */
export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 that answers the nth request with `responses[n]`, and with
 * a 599 once the script runs out, so an unexpected extra request fails the test visibly.
 */
export async function startLoopbackServer(
  responses: readonly ScriptedResponse[],
): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const scripted = responses[requests.length];
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        rawHeaders: request.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (scripted === undefined) {
        response.writeHead(599, { 'content-type': 'text/plain' });
        response.end(`loopback server: no response scripted for request ${requests.length}`);
        return;
      }
      const isJson = typeof scripted.body === 'object';
      const body = isJson ? JSON.stringify(scripted.body) : (scripted.body ?? '');
      response.writeHead(scripted.status, {
        ...(isJson ? { 'content-type': 'application/json' } : {}),
        ...scripted.headers,
      });
      response.end(body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // The callback also runs (with an error) when the server is already closed, so close()
        // is safe to call twice.
        server.close(() => resolve());
        // fetch keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
