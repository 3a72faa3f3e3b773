import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RecordedRequest } from './fake-intercom.js';

interface Exchange {
  response: ServerResponse;
  record: RecordedRequest;
}

interface SocketExchanges {
  /** The request last begun on the socket, until it is both complete and answered. */
  current: Exchange | undefined;
  /** Responses begun and not yet sent in full: more than one when requests are pipelined. */
  unfinished: number;
}

/**
 * The request and response under way on each connection, so that a parse error or a timeout,
 * which Node reports for the socket alone, is answered once, in order, and recorded with its
 * request.
 *
 * @example
 * exchanges.begin(request, response, record);
 * const target = exchanges.answerable(socket); // in a clientError handler
 */
export class OpenExchanges {
  readonly #bySocket = new WeakMap<Socket, SocketExchanges>();

  begin(request: IncomingMessage, response: ServerResponse, record: RecordedRequest): void {
    const socket = request.socket;
    let exchanges = this.#bySocket.get(socket);
    if (!exchanges) {
      exchanges = { current: undefined, unfinished: 0 };
      this.#bySocket.set(socket, exchanges);
    }
    const exchange: Exchange = { response, record };
    const state = exchanges;
    state.current = exchange;
    state.unfinished += 1;
    let sent = false;
    const onSent = (): void => {
      if (sent) return;
      sent = true;
      state.unfinished -= 1;
    };
    const release = (): void => {
      if (state.current === exchange) state.current = undefined;
    };
    response.once('close', onSent);
    response.once('finish', () => {
      onSent();
      // An answer given before the body was read stays current until the body ends: a timeout
      // in the rest of it must not be answered a second time.
      if (request.complete) release();
      else request.once('end', release);
    });
  }

  /**
   * Whether an error answer may be written to the socket now, and the record it belongs to:
   * `'no'` when the request was answered already or earlier answers are still being written.
   */
  answerable(socket: Socket): { record: RecordedRequest | undefined } | 'no' {
    const exchanges = this.#bySocket.get(socket);
    if (!exchanges) return { record: undefined };
    const { current, unfinished } = exchanges;
    if (current?.response.headersSent) return 'no';
    if (unfinished > (current ? 1 : 0)) return 'no';
    return { record: current?.record };
  }
}
