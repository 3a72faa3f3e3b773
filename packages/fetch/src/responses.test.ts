import { afterEach, expect, test } from 'vitest';
import { createIntercomClient } from './index.js';
import {
  closeRequest,
  conversation,
  conversationsPath,
  errorList,
  token,
} from './test-support/fixtures.js';
import {
  startLoopbackServer,
  type LoopbackServer,
  type ScriptedResponse,
} from './test-support/loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function answerWith(response: ScriptedResponse) {
  server = await startLoopbackServer([response]);
  const client = createIntercomClient({ token, baseUrl: server.url });
  return client.POST(conversationsPath, { params: { path: { id: '123' } }, body: closeRequest });
}

test('a 200 gives the conversation as data', async () => {
  const { data, error, response } = await answerWith({ status: 200, body: conversation });
  expect(response.status).toBe(200);
  expect(error).toBeUndefined();
  expect(data).toEqual(conversation);
  expect(data?.ai_agent).toBeNull();
});

test.each([
  [401, errorList('unauthorized', 'Access Token Invalid')],
  [404, errorList('not_found', 'Resource Not Found')],
  [429, errorList('rate_limit_exceeded', 'Exceeded rate limit')],
])('a %i gives its error.list as error', async (status, body) => {
  const { data, error, response } = await answerWith({ status, body });
  expect(response.status).toBe(status);
  expect(data).toBeUndefined();
  expect(error).toEqual(body);
});

test('a 429’s rate-limit headers are readable from the response', async () => {
  const { error, response } = await answerWith({
    status: 429,
    headers: {
      'X-RateLimit-Limit': '1000',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1673609604',
    },
    body: errorList('rate_limit_exceeded', 'Exceeded rate limit'),
  });
  expect(error?.errors[0]?.code).toBe('rate_limit_exceeded');
  expect(response.headers.get('X-RateLimit-Reset')).toBe('1673609604');
  expect(response.headers.get('X-RateLimit-Remaining')).toBe('0');
});
