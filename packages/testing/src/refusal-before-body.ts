import type { IncomingMessage } from 'node:http';
import { ApiFailure } from './api-failure.js';
import type { RecordedRequest } from './fake-intercom.js';
import type { FakeSettings } from './fake-settings.js';

/** How a request asked to send its body: at once, after a `100 Continue`, or in a way not understood. */
export type Expectation = 'none' | '100-continue' | 'unknown';

/**
 * The failure a request gets from its headers alone, before a byte of its body is read: so an
 * unauthenticated or oversized upload costs the fake nothing.
 *
 * @example
 * const refusal = refusalBeforeBody(request, record, settings, 'none');
 * if (refusal) answerUnread(refusal);
 */
export function refusalBeforeBody(
  request: IncomingMessage,
  record: RecordedRequest,
  settings: FakeSettings,
  expectation: Expectation,
): ApiFailure | undefined {
  // RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host header.
  if (request.httpVersion === '1.1' && request.headers.host === undefined) {
    return new ApiFailure(400, 'bad_request', 'An HTTP/1.1 request needs a Host header', 'Host');
  }
  // RFC 9110 §10.1.1: an expectation the server does not understand may be answered 417.
  if (expectation === 'unknown') {
    return new ApiFailure(
      417,
      'expectation_failed',
      'The only Expect understood is 100-continue',
      'Expect',
    );
  }
  // Intercom's file, manageConversation's 401 example: `unauthorized`, "Access Token Invalid". The
  // overlay gives rate-limit headers to authenticated answers only, so a 401 has none.
  if (!record.authorized) return new ApiFailure(401, 'unauthorized', 'Access Token Invalid');
  if (Number(request.headers['content-length'] ?? 0) > settings.limits.maxBodyBytes) {
    return bodyTooLarge(settings);
  }
  return undefined;
}

/**
 * The failure for a body over the limit. Intercom documents no limit: 413 is RFC 9110 §15.5.14's
 * "Content Too Large", with its name as the code.
 *
 * @example
 * throw bodyTooLarge(settings);
 */
export function bodyTooLarge(settings: FakeSettings): ApiFailure {
  return new ApiFailure(
    413,
    'content_too_large',
    `The request body is larger than the limit of ${settings.limits.maxBodyBytes} bytes`,
  );
}
