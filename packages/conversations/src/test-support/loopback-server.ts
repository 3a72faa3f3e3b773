import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a loopback server took in. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A `node:http` server on 127.0.0.1, closed by `await using`. */
export interface LoopbackServer extends AsyncDisposable {
  url: string;
  requests: ReceivedRequest[];
}

/**
 * Starts a `node:http` server on 127.0.0.1 (port 0) that records every request, body included,
 * before `answer` writes the response. For faults the fake cannot play, such as redirects or a
 * body that does not match its `Content-Encoding`.
 *
 * @example
 * await using server = await startLoopbackServer((request, response) => response.writeHead(302).end());
 */
export async function startLoopbackServer(
  answer: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
