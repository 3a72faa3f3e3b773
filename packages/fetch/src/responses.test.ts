import { expect, test } from 'vitest';
import { createIntercomClient, type ManageConversationRequest } from './index.js';
import { clientFor, fakesClosedAfterEach } from './test-support/fake-intercom.js';
import {
  closeRequest,
  conversationParams,
  conversationsPath,
  errorList,
  nowSeconds,
  token,
} from './test-support/fixtures.js';

const startFake = fakesClosedAfterEach();

test('a 200 gives the conversation as data', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add({ state: 'open' });
  const { data, error, response } = await clientFor(fake).POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(response.status).toBe(200);
  expect(error).toBeUndefined();
  expect(data).toEqual(fake.conversations.get(id));
  expect(data?.state).toBe('closed');
  expect(data?.ai_agent).toBeNull();
});

test('a 401 for a wrong token gives its error.list as error', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const before = fake.conversations.get(id);
  const client = createIntercomClient({ token: `${token}_wrong`, baseUrl: fake.url });
  const { data, error, response } = await client.POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(response.status).toBe(401);
  expect(data).toBeUndefined();
  expect(error).toEqual(errorList('unauthorized', 'Access Token Invalid'));
  expect(fake.requests.map((request) => request.authorized)).toEqual([false]);
  expect(fake.conversations.get(id)).toEqual(before);
});

test('a 404 for an unknown conversation gives its error.list as error', async () => {
  const fake = await startFake();
  const { data, error, response } = await clientFor(fake).POST(conversationsPath, {
    params: { path: conversationParams('404404') },
    body: closeRequest,
  });
  expect(response.status).toBe(404);
  expect(data).toBeUndefined();
  expect(error).toEqual(errorList('not_found', 'Resource Not Found'));
  expect(fake.conversations.get('404404')).toBeUndefined();
});

test('a 400 for a body missing a field names the field in error', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const before = fake.conversations.get(id);
  // Without admin_id, as a caller without the types could send it.
  const body = { message_type: 'close', type: 'admin' } as unknown as ManageConversationRequest;
  const { data, error, response } = await clientFor(fake).POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body,
  });
  expect(response.status).toBe(400);
  expect(data).toBeUndefined();
  expect(error).toEqual(errorList('parameter_not_found', 'admin_id is required', 'admin_id'));
  expect(fake.conversations.get(id)).toEqual(before);
});

test('a 429 gives its error.list as error, with its rate-limit headers readable', async () => {
  const fake = await startFake({ rateLimit: { limit: 1 } });
  const { id } = fake.conversations.add();
  const client = clientFor(fake);
  const first = await client.POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(first.response.status).toBe(200);

  const { data, error, response } = await client.POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(response.status).toBe(429);
  expect(data).toBeUndefined();
  expect(error).toEqual(errorList('rate_limit_exceeded', 'Exceeded rate limit of 1'));
  // The fake's clock is fixed, and its 10-second windows are aligned to the clock.
  const windowEnd = nowSeconds - (nowSeconds % 10) + 10;
  expect(response.headers.get('X-RateLimit-Reset')).toBe(String(windowEnd));
  expect(response.headers.get('X-RateLimit-Remaining')).toBe('0');
  expect(response.headers.get('X-RateLimit-Limit')).toBe('1');
  expect(fake.requests.map(({ status, applied }) => ({ status, applied }))).toEqual([
    { status: 200, applied: true },
    { status: 429, applied: false },
  ]);
  expect(fake.conversations.get(id)).toEqual(first.data);
});

test('a 502 from a proxy gives its HTML as error', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const before = fake.conversations.get(id);
  const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
  fake.fault('next', { type: 'status', status: 502, body: html });
  const { data, error, response } = await clientFor(fake).POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(response.status).toBe(502);
  expect(data).toBeUndefined();
  // openapi-fetch gives an error body that is not JSON as its text.
  expect(error).toBe(html);
  expect(fake.requests.map(({ status, fault }) => ({ status, fault }))).toEqual([
    { status: 502, fault: 'status' },
  ]);
  expect(fake.conversations.get(id)).toEqual(before);
});

test('a 200 whose body is not JSON rejects rather than passing for data', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  fake.fault('next', { type: 'malformed-json' });
  const call = clientFor(fake).POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  await expect(call).rejects.toThrow(SyntaxError);
});
