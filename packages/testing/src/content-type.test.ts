import { describe, expect, it } from 'vitest';
import { startFakeIntercom } from './start-fake-intercom.js';
import { RawConnection, rawRequest } from './test-support/raw-http.js';
import { expectRawError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const close = JSON.stringify({ message_type: 'close', type: 'admin', admin_id: ADMIN });

/** Sends the close action with these headers over a raw socket and returns the answer. */
async function closeWith(headers: Record<string, string>) {
  await using fake = await startFakeIntercom({ admins: [ADMIN], rateLimit: { limit: 10 } });
  const { id } = fake.conversations.add();
  // No Content-Type unless the case gives one.
  const path = `/conversations/${id}/parts`;
  const bytes = rawRequest(
    'POST',
    path,
    { Authorization: `Bearer ${fake.token}`, ...headers },
    close,
  );
  const response = await RawConnection.exchange(fake.url, bytes);
  return { response, state: fake.conversations.get(id)?.state, record: fake.requests[0] };
}

describe('a Content-Type that is not application/json', () => {
  it.each([
    ['text/plain, holding JSON', { 'Content-Type': 'text/plain' }],
    ['text/plain with a charset', { 'Content-Type': 'text/plain; charset=utf-8' }],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
    ['another JSON type', { 'Content-Type': 'application/merge-patch+json' }],
    ['a near miss', { 'Content-Type': 'application/jsonp' }],
    ['an empty one', { 'Content-Type': '' }],
    ['none at all', {}],
  ])('gets 415 unsupported_media_type and changes nothing: %s', async (_name, headers) => {
    const { response, state, record } = await closeWith(headers);
    const error = expectRawError(response, 415, 'unsupported_media_type', 'Content-Type');
    expect(error.errors[0]?.message).toMatch(/^Content-Type must be application\/json, /);
    // An authenticated answer, so it carries the rate-limit headers like any other.
    expect(response.headers['x-ratelimit-limit']).toBe('10');
    expect(state).toBe('open');
    expect(record).toMatchObject({ status: 415, applied: false });
  });

  it('names what was sent, shortened, and what would be right', async () => {
    const { response } = await closeWith({ 'Content-Type': `text/${'x'.repeat(500)}` });
    const message = expectRawError(response, 415, 'unsupported_media_type', 'Content-Type')
      .errors[0]?.message;
    expect(message).toMatch(/^Content-Type must be application\/json, not text\/x+…$/);
    expect(message!.length).toBeLessThan(150);
  });
});

describe('application/json', () => {
  it.each([
    ['as it is', 'application/json'],
    ['with a charset', 'application/json; charset=utf-8'],
    ['in capitals, with spaces', 'Application/JSON ;charset=UTF-8'],
  ])('is applied: %s', async (_name, contentType) => {
    const { response, state } = await closeWith({ 'Content-Type': contentType });
    expect(response.status, response.body).toBe(200);
    expect(state).toBe('closed');
  });
});
