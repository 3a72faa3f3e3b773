import { gzipSync } from 'node:zlib';
import { startFakeIntercom } from '@conversation-kit/testing';
import { describe, expect, test } from 'vitest';
import { createConversations } from './create-conversations.js';
import { RedirectError } from './errors/redirect-error.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { rejectionOf } from './test-support/collected-errors.js';
import { ADMIN_ID } from './test-support/constants.js';
import { startLoopbackServer } from './test-support/loopback-server.js';
import { TOKEN } from './test-support/token.js';

const noWait = { sleep: async (): Promise<void> => {} };

/** A closed conversation as the API returns it, with `parts` extra parts of `partBytes` each. */
async function closedConversation(parts = 0, partBytes = 0): Promise<Record<string, unknown>> {
  await using fake = await startFakeIntercom({ admins: [ADMIN_ID] });
  const { id } = fake.conversations.add({ state: 'closed' });
  const conversation = fake.conversations.get(id) as unknown as Record<string, unknown>;
  const part = {
    type: 'conversation_part',
    id: '0',
    part_type: 'comment',
    body: 'x'.repeat(partBytes),
    created_at: 1,
    updated_at: 1,
    notified_at: 1,
    assigned_to: null,
    author: { id: ADMIN_ID, type: 'admin', name: 'A', email: 'a@example.com' },
    attachments: [],
    redacted: false,
  };
  return {
    ...conversation,
    conversation_parts: {
      type: 'conversation_part.list',
      conversation_parts: Array.from({ length: parts }, (_, index) => ({
        ...part,
        id: String(index),
      })),
      total_count: parts,
    },
  };
}

describe('a redirect is never followed', () => {
  test.each([301, 302, 303, 307, 308])(
    '%i: RedirectError naming the status and the origin only; the other origin receives nothing',
    async (status) => {
      await using elsewhere = await startLoopbackServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{}');
      });
      await using redirector = await startLoopbackServer((_request, response) => {
        response.writeHead(status, {
          Location: `${elsewhere.url}/conversations/1/parts?secret=q1`,
        });
        response.end();
      });
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: redirector.url,
        ...noWait,
      });

      const error = await rejectionOf(
        conversations.close('1', { adminId: ADMIN_ID, message: 'Solved' }),
      );

      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({
        name: 'RedirectError',
        status,
        targetOrigin: elsewhere.url,
        mayHaveBeenApplied: true,
      });
      expect((error as Error).message).toContain(elsewhere.url);
      expect(JSON.stringify(error)).not.toContain('secret');
      expect((error as Error).message).not.toContain('secret');
      expect(redirector.requests.map(({ method, url }) => ({ method, url }))).toEqual([
        { method: 'POST', url: '/conversations/1/parts' },
      ]);
      expect(elsewhere.requests).toEqual([]);
    },
  );

  test('a redirect loop ends after one request, whatever retry allows', async () => {
    await using loop = await startLoopbackServer((_request, response) => {
      response.writeHead(307, { Location: '/conversations/1/parts' });
      response.end();
    });
    const conversations = createConversations({
      token: TOKEN,
      baseUrl: loop.url,
      retry: 5,
      ...noWait,
    });

    const error = await rejectionOf(conversations.open('1', { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 307, targetOrigin: loop.url, mayHaveBeenApplied: true });
    expect(loop.requests).toHaveLength(1);
  });

  test('an opaque redirect, as a browser reports it, is a RedirectError with status 0', async () => {
    await using server = await startLoopbackServer((_request, response) => {
      response.writeHead(302, { Location: 'https://example.com/' });
      response.end();
    });
    const conversations = createConversations({
      token: TOKEN,
      baseUrl: server.url,
      // A browser's fetch hides a manual redirect behind a response of type 'opaqueredirect'.
      fetch: async (request) => {
        await fetch(request);
        return {
          type: 'opaqueredirect',
          status: 0,
          headers: new Headers(),
          body: null,
        } as unknown as Response;
      },
      ...noWait,
    });

    const error = await rejectionOf(conversations.open('1', { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, targetOrigin: undefined, mayHaveBeenApplied: true });
    expect(server.requests).toHaveLength(1);
  });
});

describe('a 2xx body that cannot be read', () => {
  test.each(['gzip', 'deflate', 'br'])(
    'Content-Encoding: %s over plain JSON: UnexpectedResponseError, may have been applied, not retried',
    async (encoding) => {
      const closed = JSON.stringify(await closedConversation());
      await using server = await startLoopbackServer((_request, response) => {
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
        });
        response.end(closed);
      });
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: server.url,
        retry: 3,
        ...noWait,
      });

      const error = await rejectionOf(conversations.close('1', { adminId: ADMIN_ID }));

      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toMatchObject({ status: 200, mayHaveBeenApplied: true });
      expect((error as Error).message).toContain('could not be read or decoded');
      expect(server.requests).toHaveLength(1);
    },
  );

  test('a matching gzip body is read', async () => {
    const closed = await closedConversation();
    await using server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify(closed)));
    });
    const conversations = createConversations({ token: TOKEN, baseUrl: server.url });

    await expect(conversations.close('1', { adminId: ADMIN_ID })).resolves.toMatchObject({
      state: 'closed',
    });
  });
});

describe('maxResponseBytes bounds the body read', () => {
  const limit = 64 * 1024;
  const cases = [
    {
      label: 'with a Content-Length',
      encode: (text: string) => ({ body: Buffer.from(text), headers: {} }),
    },
    {
      label: 'chunked',
      encode: (text: string) => ({
        body: Buffer.from(text),
        headers: { 'Transfer-Encoding': 'chunked' },
      }),
    },
    {
      label: 'gzip that expands beyond it',
      encode: (text: string) => ({ body: gzipSync(text), headers: { 'Content-Encoding': 'gzip' } }),
    },
  ];

  test.each(cases)(
    'a 200 above it, $label: UnexpectedResponseError naming the option',
    async ({ encode }) => {
      const big = JSON.stringify(await closedConversation(40, 4096));
      expect(big.length).toBeGreaterThan(limit);
      await using server = await startLoopbackServer((_request, response) => {
        const { body, headers } = encode(big);
        response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
        if ('Transfer-Encoding' in headers) {
          response.write(body.subarray(0, 1000));
          response.end(body.subarray(1000));
        } else {
          response.end(body);
        }
      });
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: server.url,
        maxResponseBytes: limit,
        retry: 3,
        ...noWait,
      });

      const error = await rejectionOf(conversations.close('1', { adminId: ADMIN_ID }));

      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toMatchObject({ status: 200, mayHaveBeenApplied: true });
      expect((error as Error).message).toContain(`${limit} bytes allowed by maxResponseBytes`);
      expect(server.requests).toHaveLength(1);
    },
  );

  test('the default holds a conversation with all of its 500 parts, each a long message', async () => {
    const full = JSON.stringify(await closedConversation(500, 8 * 1024));
    expect(full.length).toBeGreaterThan(4 * 1024 * 1024);
    await using server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(full);
    });
    const conversations = createConversations({ token: TOKEN, baseUrl: server.url });

    const closed = await conversations.close('1', { adminId: ADMIN_ID });

    expect(closed.conversation_parts?.conversation_parts).toHaveLength(500);
  });
});
