import { apiVersion } from '@conversation-kit/spec';
import { startFakeIntercom, type FakeIntercom } from '@conversation-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll } from './run.js';

/** What a runtime's server answered for one request to close a conversation. */
interface Answer {
  status: number;
  text: string;
  json: {
    state?: string;
    id?: string;
    error?: string;
    field?: string;
    status?: number;
    mayHaveBeenApplied?: boolean;
  };
}

const ADMIN = '991267';

/**
 * Registers the tests every runtime that serves `fixtures/close-handler.mjs` must pass. The fake
 * runs in this process on 127.0.0.1; `serve` starts the runtime's server for it (telling the
 * handler the fake's URL and token) and resolves to the server's URL, or to why the runtime
 * cannot run here, which skips the tests.
 *
 * @example
 * describeCloseInRuntime('workerd', async (fake) => startWorkerd(fake));
 */
export function describeCloseInRuntime(
  runtime: string,
  serve: (fake: FakeIntercom) => Promise<{ url: string } | { skip: string }>,
): void {
  let fake: FakeIntercom;
  let server: { url: string } | { skip: string };

  beforeAll(async () => {
    fake = await startFakeIntercom();
    fake.admins.add(ADMIN);
    server = await serve(fake);
  });

  afterAll(async () => {
    await killAll();
    await fake?.close();
  });

  async function close(
    skip: (reason: string) => never,
    query: Record<string, string>,
  ): Promise<Answer> {
    if ('skip' in server) return skip(server.skip);
    const response = await fetch(`${server.url}/?${new URLSearchParams(query)}`, {
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as Answer['json'] };
  }

  const requestsFor = (id: string) =>
    fake.requests.filter((request) => request.path === `/conversations/${id}/parts`);

  describe(`the installed client in ${runtime}, against the fake`, () => {
    it('closes a conversation: the runtime answers closed, and the fake holds it closed', async ({
      skip,
    }) => {
      const { id } = fake.conversations.add({ state: 'open' });
      const answer = await close(skip, { id, adminId: ADMIN });
      expect(answer.json, answer.text).toEqual({ state: 'closed', id });
      expect(fake.conversations.get(id)?.state).toBe('closed');
      const [request, ...others] = requestsFor(id);
      expect(others).toEqual([]);
      expect(request).toMatchObject({
        method: 'POST',
        authorized: true,
        status: 200,
        body: { message_type: 'close', type: 'admin', admin_id: ADMIN },
      });
      // The version the packages are pinned to, which the client sends by default.
      expect(request!.headers['intercom-version']).toBe(apiVersion);
    });

    it("retries a 503 on the runtime's timers, and closes the conversation once", async ({
      skip,
    }) => {
      const { id } = fake.conversations.add({ state: 'open' });
      const fault = fake.fault('next', { type: 'status', status: 503 });
      const answer = await close(skip, { id, adminId: ADMIN });
      expect(answer.json, answer.text).toEqual({ state: 'closed', id });
      expect(fault.hits).toBe(1);
      expect(requestsFor(id).map(({ status, applied }) => ({ status, applied }))).toEqual([
        { status: 503, applied: false },
        { status: 200, applied: true },
      ]);
    });

    it('refuses an admin id with whitespace inside the runtime, and sends nothing', async ({
      skip,
    }) => {
      const { id } = fake.conversations.add({ state: 'open' });
      const before = fake.requests.length;
      const answer = await close(skip, { id, adminId: ` ${ADMIN}` });
      expect(answer.status).toBe(502);
      expect(answer.json).toMatchObject({
        error: 'ValidationError',
        field: 'options.adminId',
        mayHaveBeenApplied: false,
      });
      expect(fake.requests.length).toBe(before);
      expect(fake.conversations.get(id)?.state).toBe('open');
    });

    it('reports a missing conversation as NotFoundError, with no token in it', async ({ skip }) => {
      const answer = await close(skip, { id: '404404', adminId: ADMIN });
      expect(answer.json, answer.text).toMatchObject({
        error: 'NotFoundError',
        status: 404,
        mayHaveBeenApplied: false,
      });
      expect(answer.text).not.toContain(fake.token);
    });

    it('ends a close with a message whose connection dropped after it applied as a ConnectionError, posted once', async ({
      skip,
    }) => {
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault('next', { type: 'destroy', when: 'after-apply' });
      const answer = await close(skip, { id, adminId: ADMIN, message: 'Solved!' });
      expect(answer.json, answer.text).toMatchObject({
        error: 'ConnectionError',
        mayHaveBeenApplied: true,
      });
      expect(requestsFor(id)).toHaveLength(1);
      expect(fake.conversations.get(id)?.state).toBe('closed');
    });
  });
}
