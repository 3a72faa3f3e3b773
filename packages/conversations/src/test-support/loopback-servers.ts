import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { afterEach } from 'vitest';

/**
 * One request a loopback server received.
 *
 * @example
 * expect(server.requests.map((request) => request.method)).toEqual(['POST']);
 */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A server on 127.0.0.1 and what it received.
 *
 * @example
 * createConversations({ token: TOKEN, baseUrl: server.url });
 */
export interface LoopbackServer {
  url: string;
  requests: ReceivedRequest[];
}

/**
 * How the HTTP server answers: a status, headers and a body, sent at once.
 *
 * @example
 * const answer: CannedAnswer = { status: 502, body: (request) => String(request.headers.authorization) };
 */
export interface CannedAnswer {
  status: number;
  headers?: Record<string, string>;
  /** The body, or how to make it from the request, such as a server that echoes a header. */
  body: string | Buffer | ((request: ReceivedRequest) => string);
}

/**
 * Registers an `afterEach` that closes every server the test started, and returns how to start
 * two kinds: an HTTP server that gives every request one canned answer, and a raw TCP server that
 * answers with the bytes of the request itself, as an echo service would.
 *
 * @example
 * const servers = loopbackServersClosedAfterEach();
 * const server = await servers.answering({ status: 502, body: '<'.repeat(120_000) });
 */
export function loopbackServersClosedAfterEach(): {
  answering(answer: CannedAnswer): Promise<LoopbackServer>;
  echoing(): Promise<LoopbackServer>;
} {
  const started: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      started.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => resolve());
          }),
      ),
    );
  });
  const listen = async (server: Server, requests: ReceivedRequest[]): Promise<LoopbackServer> => {
    started.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, requests };
  };
  return {
    answering: (answer) => {
      const requests: ReceivedRequest[] = [];
      const server = createHttpServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          const received: ReceivedRequest = {
            method: request.method ?? '',
            url: request.url ?? '',
            headers: request.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          };
          requests.push(received);
          response.writeHead(answer.status, {
            'Content-Type': 'text/html',
            ...answer.headers,
          });
          response.end(typeof answer.body === 'function' ? answer.body(received) : answer.body);
        });
      });
      return listen(server, requests);
    },
    echoing: () => {
      const requests: ReceivedRequest[] = [];
      const server = createNetServer((socket) => {
        socket.once('data', (chunk: Buffer) => {
          const raw = chunk.toString('latin1');
          const [head = ''] = raw.split('\r\n\r\n');
          const [requestLine = ''] = head.split('\r\n');
          const [method = '', url = ''] = requestLine.split(' ');
          requests.push({ method, url, headers: {}, body: raw });
          // The request's own bytes as the answer: not HTTP, so the client's parser fails on it.
          socket.end(chunk);
        });
        socket.on('error', () => {});
      });
      return listen(server, requests);
    },
  };
}
