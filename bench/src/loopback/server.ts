import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A child process (so the server has its own core and the client's event loop is not shared):
// it waits for the fixed answer from its parent, answers every request with it on 127.0.0.1, and
// exits when its parent says so or goes away.

interface Answer {
  body: string;
  headers: Record<string, string>;
}

const send = (message: unknown): void => {
  process.send?.(message);
};

process.once('message', (answer: Answer) => {
  const headers = { ...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body)) };
  const server = createServer((request, response) => {
    // Read the request to its end, as a real server does, then answer.
    request.resume();
    request.once('end', () => {
      response.writeHead(200, headers);
      response.end(answer.body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    send({ port: (server.address() as AddressInfo).port });
  });
  process.once('message', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
});
process.once('disconnect', () => process.exit(0));
