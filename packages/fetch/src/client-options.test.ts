import { afterEach, expect, test } from 'vitest';
import { createIntercomClient, type IntercomClientOptions } from './index.js';
import { closeRequest, conversation, conversationsPath, token } from './test-support/fixtures.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function requestSentWith(options: Omit<IntercomClientOptions, 'token' | 'baseUrl'>) {
  server = await startLoopbackServer([{ status: 200, body: conversation }]);
  const client = createIntercomClient({ ...options, token, baseUrl: server.url });
  const { data } = await client.POST(conversationsPath, {
    params: { path: { id: '123' } },
    body: closeRequest,
  });
  expect(data).toEqual(conversation);
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

test('headers are sent alongside the defaults', async () => {
  const request = await requestSentWith({ headers: { 'X-Request-Source': 'conversation-kit' } });
  expect(request.headers['x-request-source']).toBe('conversation-kit');
  expect(request.headers.authorization).toBe(`Bearer ${token}`);
  expect(request.headers['intercom-version']).toBe('2.12');
  expect(request.headers.accept).toBe('application/json');
});

test('intercomVersion replaces the Intercom-Version header', async () => {
  const request = await requestSentWith({ intercomVersion: '2.11' });
  expect(request.headers['intercom-version']).toBe('2.11');
});

test('fetch sends the requests', async () => {
  const sent: Request[] = [];
  const request = await requestSentWith({
    fetch: (request) => {
      sent.push(request);
      return fetch(request);
    },
  });
  expect(sent.map(({ method, url }) => ({ method, url }))).toEqual([
    { method: 'POST', url: `${server!.url}/conversations/123/parts` },
  ]);
  expect(sent[0]!.headers.get('authorization')).toBe(`Bearer ${token}`);
  expect(request.url).toBe('/conversations/123/parts');
});
