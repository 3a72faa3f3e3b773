import { inspect } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { createIntercomClient } from './index.js';
import { closeRequest, conversation, conversationsPath, token } from './test-support/fixtures.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('the client holds the token without showing it', async () => {
  server = await startLoopbackServer([{ status: 200, body: conversation }]);
  const client = createIntercomClient({ token, baseUrl: server.url });

  expect(inspect(client, { depth: Infinity, showHidden: true, getters: true })).not.toContain(
    token,
  );
  expect(JSON.stringify(client)).not.toContain(token);

  // The same client does send it, so the checks above look at a client that has it.
  await client.POST(conversationsPath, { params: { path: { id: '123' } }, body: closeRequest });
  expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
});
