import { afterEach, expect, test } from 'vitest';
import { createIntercomClient, type IntercomClientOptions } from './index.js';
import { closeRequest, conversation, conversationsPath, token } from './test-support/fixtures.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Intercom is out of reach from tests, so this fetch only records where the request was going.
async function urlRequestedWith(options: Omit<IntercomClientOptions, 'token' | 'fetch'>) {
  const urls: string[] = [];
  const client = createIntercomClient({
    ...options,
    token,
    fetch: async (request) => {
      urls.push(request.url);
      return Response.json(conversation);
    },
  });
  const { data } = await client.POST(conversationsPath, {
    params: { path: { id: '123' } },
    body: closeRequest,
  });
  expect(data).toEqual(conversation);
  expect(urls).toHaveLength(1);
  return urls[0];
}

test.each([
  ['us', 'https://api.intercom.io/conversations/123/parts'],
  ['eu', 'https://api.eu.intercom.io/conversations/123/parts'],
  ['au', 'https://api.au.intercom.io/conversations/123/parts'],
] as const)('region %s sends to %s', async (region, url) => {
  expect(await urlRequestedWith({ region })).toBe(url);
});

test('without a region, requests go to the us server', async () => {
  expect(await urlRequestedWith({})).toBe('https://api.intercom.io/conversations/123/parts');
});

test.each([
  ['without', ''],
  ['with', '/'],
])('baseUrl %s a trailing slash sends to that server instead', async (_, suffix) => {
  server = await startLoopbackServer([{ status: 200, body: conversation }]);
  const client = createIntercomClient({ token, baseUrl: `${server.url}${suffix}` });
  const { data } = await client.POST(conversationsPath, {
    params: { path: { id: '123' } },
    body: closeRequest,
  });
  expect(data).toEqual(conversation);
  expect(server.requests.map((request) => request.url)).toEqual(['/conversations/123/parts']);
});
