import { inspect } from 'node:util';
import { expect, test } from 'vitest';
import { createIntercomClient } from './index.js';
import { fakesClosedAfterEach } from './test-support/fake-intercom.js';
import {
  closeRequest,
  conversationParams,
  conversationsPath,
  token,
} from './test-support/fixtures.js';

const startFake = fakesClosedAfterEach();

test('the client holds the token without showing it', async () => {
  const fake = await startFake();
  const { id } = fake.conversations.add();
  const client = createIntercomClient({ token, baseUrl: fake.url });

  expect(inspect(client, { depth: Infinity, showHidden: true, getters: true })).not.toContain(
    token,
  );
  expect(JSON.stringify(client)).not.toContain(token);

  // The same client does send it, so the checks above look at a client that has it.
  expect(fake.token).toBe(token);
  const { response } = await client.POST(conversationsPath, {
    params: { path: conversationParams(id) },
    body: closeRequest,
  });
  expect(response.status).toBe(200);
  expect(fake.requests.map((request) => request.authorized)).toEqual([true]);
});
