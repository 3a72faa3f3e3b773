import { expect, test } from 'vitest';
import { defaultIntercomVersion, type IntercomVersion } from './index.js';
import { clientFor, fakesClosedAfterEach } from './test-support/fake-intercom.js';
import {
  closeRequest,
  conversationParams,
  conversationsPath,
  errorList,
  token,
} from './test-support/fixtures.js';

const startFake = fakesClosedAfterEach();

test('headers are sent alongside the defaults', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const { data } = await clientFor(fake, {
    headers: { 'X-Request-Source': 'conversation-kit' },
  }).POST(conversationsPath, { params: { path: conversationParams(id) }, body: closeRequest });
  expect(data).toEqual(fake.conversations.get(id));
  expect(fake.requests).toHaveLength(1);
  const [request] = fake.requests;
  expect(request!.headers).toMatchObject({
    'x-request-source': 'conversation-kit',
    'intercom-version': defaultIntercomVersion,
    accept: 'application/json',
  });
  expect(request!.authorized).toBe(true);
});

test('intercomVersion replaces the Intercom-Version header', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const { data, response } = await clientFor(fake, { intercomVersion: '2.11' }).POST(
    conversationsPath,
    { params: { path: conversationParams(id) }, body: closeRequest },
  );
  expect(response.status).toBe(200);
  expect(data).toEqual(fake.conversations.get(id));
  expect(fake.requests.map((request) => request.headers['intercom-version'])).toEqual(['2.11']);
});

test('an intercomVersion Intercom does not know gets its 400', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const before = fake.conversations.get(id);
  // As a caller without the types could pass it.
  const intercomVersion = '3.0' as string as IntercomVersion;
  const { data, error, response } = await clientFor(fake, { intercomVersion }).POST(
    conversationsPath,
    { params: { path: conversationParams(id) }, body: closeRequest },
  );
  expect(fake.requests.map((request) => request.headers['intercom-version'])).toEqual(['3.0']);
  expect(response.status).toBe(400);
  expect(data).toBeUndefined();
  expect(error).toEqual(
    errorList('intercom_version_invalid', /^Intercom-Version must be one of /, 'Intercom-Version'),
  );
  expect(fake.conversations.get(id)).toEqual(before);
});

test('fetch sends the requests', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const sent: Request[] = [];
  const { data } = await clientFor(fake, {
    fetch: (request) => {
      sent.push(request);
      return fetch(request);
    },
  }).POST(conversationsPath, { params: { path: conversationParams(id) }, body: closeRequest });
  expect(sent.map(({ method, url }) => ({ method, url }))).toEqual([
    { method: 'POST', url: `${fake.url}/conversations/${id}/parts` },
  ]);
  // The fake redacts Authorization in what it records, so the exact value is read here. `get`
  // joins repeated values, so these also show each header is sent once.
  const headers = sent[0]!.headers;
  expect(headers.get('authorization')).toBe(`Bearer ${token}`);
  expect(headers.get('intercom-version')).toBe(defaultIntercomVersion);
  expect(headers.get('accept')).toBe('application/json');
  expect(headers.get('content-type')).toBe('application/json');
  expect(fake.requests.map(({ path, authorized }) => ({ path, authorized }))).toEqual([
    { path: `/conversations/${id}/parts`, authorized: true },
  ]);
  expect(data).toEqual(fake.conversations.get(id));
});
