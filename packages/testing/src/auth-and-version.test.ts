import { apiVersion, document } from '@conversation-kit/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import { closeFakes, startFake } from './test-support/fakes.js';
import { manage, post } from './test-support/http.js';
import { expectConversation, expectError } from './test-support/spec-assertions.js';

const TOKEN = 'dG9rOjEyMzQ1Njc4OTA=';
const WRONG = 'not-the-token-4f1e9c';
const ADMIN = '991267';
const open = { message_type: 'open', admin_id: ADMIN };

// The versions the pinned document lists, read from it so the cases follow a move between versions.
const versionSchema = document.components['schemas']!['intercom_version'] as {
  enum: string[];
  default: string;
};
const listed = versionSchema.enum;
const [major, minor] = listed.at(-1)!.split('.').map(Number) as [number, number];
/** The version after the newest one listed, which the document does not know yet. */
const nextVersion = `${major}.${minor + 1}`;

let fake: FakeIntercom;
let id: string;

beforeEach(async () => {
  fake = await startFake({ token: TOKEN });
  fake.admins.add(ADMIN);
  id = fake.conversations.add({ state: 'closed' }).id;
});
afterEach(closeFakes);

function expectNoRateLimitHeaders(headers: Headers): void {
  expect(headers.get('x-ratelimit-limit')).toBeNull();
  expect(headers.get('x-ratelimit-remaining')).toBeNull();
  expect(headers.get('x-ratelimit-reset')).toBeNull();
}

describe('authentication', () => {
  it('accepts the bearer token it was given, and records the request as authorized', async () => {
    expect(fake.token).toBe(TOKEN);
    expectConversation(await manage(fake, id, open));
    expect(fake.requests[0]).toMatchObject({ authorized: true, status: 200, applied: true });
    expect(fake.requests[0]?.headers['authorization']).toBe('ok');
  });

  it.each([
    ['no Authorization header', { token: null }],
    ['a wrong token', { token: WRONG }],
    ['an empty token', { token: '' }],
    ['the token with another scheme', { headers: { Authorization: `Basic ${TOKEN}` } }],
    ['the token with a lower-case scheme', { headers: { Authorization: `bearer ${TOKEN}` } }],
    ['the token with more after it', { token: `${TOKEN}x` }],
  ])('answers 401 unauthorized, without rate-limit headers, to %s', async (_name, options) => {
    const response = await manage(fake, id, open, options);
    expectError(response, 401, 'unauthorized', undefined);
    expectNoRateLimitHeaders(response.headers);
    expect(fake.conversations.get(id)?.state).toBe('closed');
    expect(fake.requests[0]).toMatchObject({ authorized: false, status: 401, applied: false });
  });

  it('answers 401 before anything else: a bad route, version or body with no token', async () => {
    const response = await post(fake, '/nowhere', 'not json', {
      token: null,
      headers: { 'Intercom-Version': '9.9' },
    });
    expectError(response, 401, 'unauthorized', undefined);
    expectNoRateLimitHeaders(response.headers);
  });

  it("records a missing token as absent and a wrong one as 'wrong'", async () => {
    expectError(await manage(fake, id, open, { token: null }), 401, 'unauthorized');
    expectError(await manage(fake, id, open, { token: WRONG }), 401, 'unauthorized');
    expect('authorization' in (fake.requests[0]?.headers ?? {})).toBe(false);
    expect(fake.requests[1]?.headers['authorization']).toBe('wrong');
  });

  it('never keeps a token, right or wrong, in the recorded requests', async () => {
    expectError(await manage(fake, id, open, { token: WRONG }), 401, 'unauthorized');
    expectConversation(await manage(fake, id, open));
    const recorded = JSON.stringify(fake.requests);
    expect(recorded).not.toContain(WRONG);
    expect(recorded).not.toContain(TOKEN);
    expect(fake.requests.map((request) => request.headers['authorization'])).toEqual([
      'wrong',
      'ok',
    ]);
  });

  it('makes up a random token when given none', async () => {
    const other = await startFake();
    expect(other.token).toMatch(/^[\x21-\x7e]{16,}$/);
    expect(other.token).not.toBe(fake.token);
    other.admins.add(ADMIN);
    const { id: otherId } = other.conversations.add();
    expectConversation(await manage(other, otherId, open));
    expectError(await manage(fake, id, open, { token: other.token }), 401, 'unauthorized');
  });

  it.each([[''], ['has space'], ['tab\t'], ['ünïcode']])(
    'refuses to start with the token %j',
    async (token) => {
      await expect(startFake({ token })).rejects.toThrow(TypeError);
    },
  );
});

describe('Intercom-Version', () => {
  it('takes its cases from the pinned document, whose default is its own version', () => {
    expect(versionSchema.default).toBe(apiVersion);
    expect(listed.at(-1)).toBe(apiVersion);
    expect(new Set([versionSchema.default, listed.at(-2), listed[0]]).size).toBe(3);
  });

  it.each([[versionSchema.default], [listed.at(-2)!], [listed[0]!]])(
    'accepts the listed version %s',
    async (version) => {
      const response = await manage(fake, id, open, { headers: { 'Intercom-Version': version } });
      expect(expectConversation(response).state).toBe('open');
      expect(fake.requests[0]?.headers['intercom-version']).toBe(version);
    },
  );

  it('accepts a request without one', async () => {
    const response = await manage(fake, id, open);
    expect(expectConversation(response).state).toBe('open');
    expect('intercom-version' in (fake.requests[0]?.headers ?? {})).toBe(false);
  });

  it.each([[nextVersion], ['Unstable'], [`${major + 1}.0`], [`v${versionSchema.default}`], ['']])(
    'refuses the unlisted version %j with 400 intercom_version_invalid, changing nothing',
    async (version) => {
      expect(listed).not.toContain(version);
      const before = fake.conversations.get(id);
      const response = await manage(fake, id, open, { headers: { 'Intercom-Version': version } });
      expectError(response, 400, 'intercom_version_invalid', 'Intercom-Version');
      expect(fake.conversations.get(id)).toEqual(before);
      expect(fake.requests[0]).toMatchObject({ status: 400, applied: false });
    },
  );

  it('checks the version before the route', async () => {
    const response = await post(fake, '/nowhere', open, {
      headers: { 'Intercom-Version': nextVersion },
    });
    expectError(response, 400, 'intercom_version_invalid', 'Intercom-Version');
  });
});
