import type { FakeIntercom } from '@conversation-kit/testing';
import { expect, test } from 'vitest';
import { createIntercomClient, type IntercomClientOptions } from './index.js';
import { fakesClosedAfterEach } from './test-support/fake-intercom.js';
import {
  closeRequest,
  conversationParams,
  conversationsPath,
  token,
} from './test-support/fixtures.js';

const startFake = fakesClosedAfterEach();

// Intercom is out of reach from tests, so this fetch records where the request was going, then
// sends it to the fake instead.
async function urlRequestedWith(
  fake: FakeIntercom,
  options: Omit<IntercomClientOptions, 'token' | 'fetch'>,
) {
  const { id } = fake.conversations.add({ id: '123' });
  const urls: string[] = [];
  const client = createIntercomClient({
    ...options,
    token,
    fetch: async (request) => {
      urls.push(request.url);
      const { pathname, search } = new URL(request.url);
      return fetch(`${fake.url}${pathname}${search}`, {
        method: request.method,
        headers: request.headers,
        body: await request.text(),
      });
    },
  });
  const { data } = await client.POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(data).toEqual(fake.conversations.get(id));
  expect(data?.state).toBe('closed');
  expect(fake.requests.map(({ path, authorized }) => ({ path, authorized }))).toEqual([
    { path: '/conversations/123/parts', authorized: true },
  ]);
  expect(urls).toHaveLength(1);
  return urls[0];
}

test.each([
  ['us', 'https://api.intercom.io/conversations/123/parts'],
  ['eu', 'https://api.eu.intercom.io/conversations/123/parts'],
  ['au', 'https://api.au.intercom.io/conversations/123/parts'],
] as const)('region %s sends to %s', async (region, url) => {
  const fake = await startFake();
  expect(await urlRequestedWith(fake, { region })).toBe(url);
});

test('without a region, requests go to the us server', async () => {
  const fake = await startFake();
  expect(await urlRequestedWith(fake, {})).toBe('https://api.intercom.io/conversations/123/parts');
});

// openapi-fetch drops one trailing slash itself; the client drops them all.
test.each([
  ['without a trailing slash', ''],
  ['with a trailing slash', '/'],
  ['with two trailing slashes', '//'],
])('baseUrl %s sends to that server instead', async (_, suffix) => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const client = createIntercomClient({ token, baseUrl: `${fake.url}${suffix}` });
  const { data } = await client.POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(fake.requests.map((request) => request.path)).toEqual([`/conversations/${id}/parts`]);
  expect(data).toEqual(fake.conversations.get(id));
  expect(data?.state).toBe('closed');
});
