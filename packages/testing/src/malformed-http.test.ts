import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';
import { RawConnection, rawManage } from './test-support/raw-http.js';
import { expectRawError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const open = JSON.stringify({ message_type: 'open', admin_id: ADMIN });

let fake: FakeIntercom;
let id: string;
beforeEach(async () => {
  fake = await startFakeIntercom({ admins: [ADMIN] });
  id = fake.conversations.add({ state: 'closed' }).id;
});
afterEach(() => fake.close());

function auth(): string {
  return `Authorization: Bearer ${fake.token}\r\nContent-Type: application/json`;
}

/** Sends raw bytes on a fresh connection; returns the one answer and waits for the close. */
async function answerTo(bytes: string) {
  const connection = await RawConnection.open(fake.url);
  await connection.write(bytes);
  const response = await connection.nextResponse();
  await connection.closed;
  return response;
}

/** Asserts the fake still serves a well-formed request, on a new connection. */
async function expectStillServing(): Promise<void> {
  expect((await RawConnection.exchange(fake.url, rawManage(fake, id, open))).status).toBe(200);
}

describe('framing Node cannot parse gets a JSON error.list and a closed connection', () => {
  it.each([
    ['a chunk size that is not hex', 'Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'],
    ['a chunk longer than its size', 'Transfer-Encoding: chunked\r\n\r\n2\r\nabcdef\r\n0\r\n\r\n'],
    ['a chunk without its CRLF', 'Transfer-Encoding: chunked\r\n\r\n3\r\nabcXY'],
  ])('%s: 400 bad_request, recorded with its request', async (_name, framing) => {
    const response = await answerTo(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\n${auth()}\r\n${framing}`,
    );
    const error = expectRawError(response, 400, 'bad_request');
    expect(error.errors[0]?.message).toMatch(/^The request is not valid HTTP\/1\.1: /);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ status: 400, applied: false, bodyTruncated: true });
    expect(fake.conversations.get(id)?.state).toBe('closed');
    await expectStillServing();
  });

  it.each([
    [
      'Content-Length beside Transfer-Encoding',
      `POST /conversations/{id}/parts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    [
      'two different Content-Lengths',
      `POST /conversations/{id}/parts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`,
    ],
    [
      'a Content-Length that is not a number',
      `POST /conversations/{id}/parts HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n`,
    ],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    [
      'a header name with a space',
      `POST /conversations/{id}/parts HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n`,
    ],
    [
      'a bare LF inside a header value',
      `POST /conversations/{id}/parts HTTP/1.1\r\nHost: x\r\nX-A: 1\rX-B: 2\r\n\r\n`,
    ],
  ])('%s: 400 bad_request before anything is applied', async (_name, template) => {
    const response = await answerTo(template.replaceAll('{id}', id));
    expectRawError(response, 400, 'bad_request');
    expect(fake.conversations.get(id)?.state).toBe('closed');
    await expectStillServing();
  });

  it('never repeats the bytes it was sent, which may hold the token', async () => {
    const response = await answerTo(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\n${auth()}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    );
    expectRawError(response, 400, 'bad_request');
    expect(response.body).not.toContain(fake.token);
    expect(JSON.stringify(fake.requests)).not.toContain(fake.token);
  });
});

describe('headers too large get 431', () => {
  it('one header of 20 KB', async () => {
    const response = await answerTo(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const error = expectRawError(response, 431, 'request_header_fields_too_large');
    expect(error.errors[0]?.message).toContain('16384 bytes');
    await expectStillServing();
  });

  it('5,000 small headers', async () => {
    const headers = Array.from({ length: 5000 }, (_, index) => `X-H${index}: ${index}`);
    const response = await answerTo(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\n${headers.join('\r\n')}\r\n\r\n`,
    );
    expectRawError(response, 431, 'request_header_fields_too_large');
    await expectStillServing();
  });

  it('a request line of 20 KB', async () => {
    const response = await answerTo(`POST /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectRawError(response, 431, 'request_header_fields_too_large');
  });

  it('past a smaller maxHeaderBytes, which the message names', async () => {
    await fake.close();
    fake = await startFakeIntercom({ admins: [ADMIN], limits: { maxHeaderBytes: 2048 } });
    const response = await answerTo(
      `POST /conversations/1/parts HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(3000)}\r\n\r\n`,
    );
    const error = expectRawError(response, 431, 'request_header_fields_too_large');
    expect(error.errors[0]?.message).toContain('2048 bytes');
  });

  it('many tiny headers within the size are served, keeping at most 2,000 of them', async () => {
    const headers = Array.from({ length: 3000 }, () => 'a:1');
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\n${auth()}\r\nContent-Length: ${open.length}\r\n${headers.join('\r\n')}\r\n\r\n${open}`,
    );
    expect((await connection.nextResponse()).status).toBe(200);
    connection.destroy();
    // Repeated names are joined into one recorded header: the record stays small.
    expect(Object.keys(fake.requests[0]!.headers).length).toBeLessThan(10);
  });
});

describe('what the parser accepts but HTTP/1.1 does not', () => {
  it('an HTTP/1.1 request without Host: 400 bad_request naming Host', async () => {
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      `POST /conversations/${id}/parts HTTP/1.1\r\n${auth()}\r\nContent-Length: ${open.length}\r\n\r\n${open}`,
    );
    expectRawError(await connection.nextResponse(), 400, 'bad_request', 'Host');
    connection.destroy();
    expect(fake.conversations.get(id)?.state).toBe('closed');
  });

  it('an HTTP/1.0 request without Host is served', async () => {
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      `POST /conversations/${id}/parts HTTP/1.0\r\n${auth()}\r\nContent-Length: ${open.length}\r\n\r\n${open}`,
    );
    expect((await connection.nextResponse()).status).toBe(200);
    connection.destroy();
  });

  it('CONNECT: 404 not_found, as for any method the route does not serve', async () => {
    const response = await answerTo('CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n');
    expectRawError(response, 404, 'not_found');
    await expectStillServing();
  });

  it('an Expect other than 100-continue: 417 expectation_failed, and nothing is read', async () => {
    const response = await answerTo(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\n${auth()}\r\nExpect: 200-ok\r\nContent-Length: ${open.length}\r\n\r\n`,
    );
    expectRawError(response, 417, 'expectation_failed', 'Expect');
    expect(fake.conversations.get(id)?.state).toBe('closed');
  });
});
