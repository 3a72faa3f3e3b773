import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** How long, and how much more, the fake listens after its last answer on a connection. */
const LINGER_MS = 1000;
const LINGER_IDLE_MS = 50;
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * Ends a connection the way a careful server does after refusing a body it will not read: the
 * answer and a FIN go out first, then what the client is still sending is read and dropped, for a
 * short, bounded while, before the socket is closed. Closing at once with unread bytes queued makes
 * the system send a reset, which can destroy the answer before the client reads it: the 413 the
 * client needed would turn into a bare "connection reset". The bounds keep this cheap: at most
 * 4 MiB dropped, 1 s in all, and 50 ms of silence end it (nginx's `lingering_close` works the
 * same way, with `lingering_time` and `lingering_timeout`).
 *
 * Node ends a `Connection: close` exchange with `socket.destroySoon()`; this replaces that one
 * call on this one socket.
 *
 * @example
 * lingerBeforeClosing(request);
 * response.writeHead(413, { Connection: 'close' }).end(body);
 */
export function lingerBeforeClosing(request: IncomingMessage): void {
  const socket = request.socket as Socket & { destroySoon?: () => void };
  socket.destroySoon = () => {
    let dropped = 0;
    let idle: NodeJS.Timeout | undefined;
    const close = (): void => {
      clearTimeout(idle);
      clearTimeout(limit);
      socket.destroy();
    };
    const listenAWhileMore = (): void => {
      clearTimeout(idle);
      idle = setTimeout(close, LINGER_IDLE_MS);
    };
    const limit = setTimeout(close, LINGER_MS);
    socket.end();
    socket.once('end', close);
    socket.once('close', close);
    request.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) close();
      else listenAWhileMore();
    });
    request.on('error', close);
    request.resume();
    listenAWhileMore();
  };
}
