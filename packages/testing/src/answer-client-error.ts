import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiFailure } from './api-failure.js';
import type { FakeSettings } from './fake-settings.js';
import type { OpenExchanges } from './open-exchanges.js';
import type { RequestLog } from './request-log.js';

type ClientError = Error & { code?: string; reason?: string };

// What Node's parser and timers report, as the `error.list` the fake answers with. Intercom's
// answers to broken HTTP are not documented (a load balancer likely gives them): the statuses are
// RFC 9110's and RFC 6585's, the codes their names, and `bad_request` is Intercom's code for a
// malformed request (its published 2.14 file, e.g. the reporting-data export's 400 examples).
const FAILURES: Record<string, (settings: FakeSettings, error: ClientError) => ApiFailure> = {
  // RFC 6585 §5.
  HPE_HEADER_OVERFLOW: (settings) =>
    new ApiFailure(
      431,
      'request_header_fields_too_large',
      `The request line and headers are larger than ${settings.limits.maxHeaderBytes} bytes`,
    ),
  // RFC 9110 §15.5.9.
  ERR_HTTP_REQUEST_TIMEOUT: (settings) =>
    new ApiFailure(
      408,
      'request_timeout',
      `The request took too long: headers are allowed ${settings.timeouts.headersMs} ms and ` +
        `the whole request ${settings.timeouts.requestMs} ms`,
    ),
  // RFC 9110 §15.5.14.
  HPE_CHUNK_EXTENSIONS_OVERFLOW: () =>
    new ApiFailure(413, 'content_too_large', 'The chunk extensions are too large'),
};

// The client is gone: there is no one to answer.
const GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']);

/**
 * Answers what Node reports as a `clientError` (bad framing, headers too large, a timeout) with a
 * JSON `error.list`, like every other answer, and closes the connection. Only the parser's fixed
 * reason is repeated, never the bytes received, which may hold a token.
 *
 * @example
 * server.on('clientError', (error, socket) => answerClientError(error, socket, context));
 */
export function answerClientError(
  error: ClientError,
  socket: Socket,
  context: { settings: FakeSettings; exchanges: OpenExchanges; log: RequestLog },
): void {
  const target = context.exchanges.answerable(socket);
  if (GONE.has(error.code ?? '') || !socket.writable || target === 'no') {
    socket.destroy();
    return;
  }
  const failure =
    FAILURES[error.code ?? '']?.(context.settings, error) ??
    new ApiFailure(
      400,
      'bad_request',
      `The request is not valid HTTP/1.1: ${error.reason ?? 'it could not be parsed'}`,
    );
  const { record } = target;
  if (record) {
    record.status = failure.status;
    record.bodyTruncated = true;
    context.log.add(record);
    context.log.settle(record);
  }
  endWith(socket, failure);
}

/**
 * Answers a `CONNECT`, which Node hands over as a bare socket, as any other method the route does
 * not serve: `404 not_found`, rather than a connection closed without a word.
 *
 * @example
 * server.on('connect', (request, socket) => answerConnect(socket as Socket));
 */
export function answerConnect(socket: Socket): void {
  endWith(socket, new ApiFailure(404, 'not_found', 'No route for CONNECT'));
}

function endWith(socket: Socket, failure: ApiFailure): void {
  socket.on('error', () => socket.destroy());
  socket.end(rawAnswer(failure), () => socket.destroy());
}

function rawAnswer(failure: ApiFailure): string {
  const body = JSON.stringify(failure.body());
  return (
    `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}
