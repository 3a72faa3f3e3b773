import { describe, expect, test, vi } from 'vitest';
import { createConversations } from './create-conversations.js';
import { defaultSleep } from './default-sleep.js';
import { AbortError } from './errors/abort-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { collect, rejectionOf } from './test-support/collected-errors.js';
import {
  ADMIN_ID,
  closedPortUrl,
  errorListBody,
  harnessesClosedAfterEach,
  partsWithBody,
  START_MS,
  TEAM_ID,
} from './test-support/faults-harness.js';
import { TOKEN } from './test-support/token.js';

// Every test here has a per-test timeout shorter than the delay or wait it aborts, so a call that
// ignored its signal would fail the test instead of hanging it.

const start = harnessesClosedAfterEach();

/**
 * The default sleep, watched: `waiting` lists the waits it has begun, so a test can abort once the
 * client is really waiting (the fake records a status before the client has read it).
 */
/** The default sleep, watched: `sleeping` resolves once a wait starts, so a test can abort then. */
function watchedDefaultSleep() {
  const waiting: number[] = [];
  let started!: () => void;
  const sleeping = new Promise<void>((resolve) => (started = resolve));
  return {
    waiting,
    sleeping,
    sleep: (ms: number, signal?: AbortSignal): Promise<void> => {
      waiting.push(ms);
      started();
      return defaultSleep(ms, signal);
    },
  };
}
const always = (): boolean => true;
const until = Math.floor(START_MS / 1000) + 86_400;

describe('an already-aborted signal', () => {
  const calls = [
    {
      name: 'close',
      call: (c: Conv, id: string, signal: AbortSignal) =>
        c.close(id, { adminId: ADMIN_ID, signal }),
    },
    {
      name: 'close+message',
      call: (c: Conv, id: string, signal: AbortSignal) =>
        c.close(id, { adminId: ADMIN_ID, message: 'Bye', signal }),
    },
    {
      name: 'snooze',
      call: (c: Conv, id: string, signal: AbortSignal) =>
        c.snooze(id, { adminId: ADMIN_ID, until, signal }),
    },
    {
      name: 'open',
      call: (c: Conv, id: string, signal: AbortSignal) => c.open(id, { adminId: ADMIN_ID, signal }),
    },
    {
      name: 'assign',
      call: (c: Conv, id: string, signal: AbortSignal) =>
        c.assign(id, { adminId: ADMIN_ID, assignee: { type: 'team', id: TEAM_ID }, signal }),
    },
    {
      name: 'unassign',
      call: (c: Conv, id: string, signal: AbortSignal) =>
        c.unassign(id, { adminId: ADMIN_ID, from: 'team', signal }),
    },
    {
      name: 'manage',
      call: (c: Conv, id: string, signal: AbortSignal) =>
        c.manage(id, { action: 'close', adminId: ADMIN_ID }, { signal }),
    },
  ];

  test.each(calls)('$name sends nothing', { timeout: 5_000 }, async ({ call }) => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    const reason = new Error('the user left');

    const error = await rejectionOf(call(client(), id, AbortSignal.abort(reason)));

    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false, cause: reason });
    expect(fake.requests).toEqual([]);
    expect(waits).toEqual([]);
  });
});

type Conv = ReturnType<Awaited<ReturnType<typeof start>>['client']>;

describe('aborting in flight', () => {
  test(
    'rejects with AbortError at once, while the fake is still holding the request',
    { timeout: 5_000 },
    async () => {
      const { fake, waits, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      // Far longer than the test's timeout: only the abort can end the call in time.
      fake.fault('next', { type: 'delay', ms: 60_000 });
      const controller = new AbortController();
      const reason = new Error('cancelled by the user');

      const closing = rejectionOf(
        client().close(id, { adminId: ADMIN_ID, message: 'Bye', signal: controller.signal }),
      );
      await vi.waitFor(() => expect(fake.requests).toHaveLength(1), {
        timeout: 4_000,
        interval: 5,
      });
      controller.abort(reason);
      const error = await closing;

      expect(error).toBeInstanceOf(AbortError);
      // The request reached Intercom: it may have been applied.
      expect(error).toMatchObject({ mayHaveBeenApplied: true, cause: reason });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({ status: 0, applied: false, fault: 'delay' });
      expect(waits).toEqual([]);
    },
  );

  test('is not retried, even for an action that converges', { timeout: 5_000 }, async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'closed' });
    fake.fault('next', { type: 'delay', ms: 60_000 });
    const controller = new AbortController();

    const opening = rejectionOf(
      client({ retry: 5 }).open(id, { adminId: ADMIN_ID, signal: controller.signal }),
    );
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1), { timeout: 4_000, interval: 5 });
    controller.abort();

    expect(await opening).toBeInstanceOf(AbortError);
    expect(fake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test('a signal aborted after the call resolved changes nothing', { timeout: 5_000 }, async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    const controller = new AbortController();

    const closed = await client().close(id, { adminId: ADMIN_ID, signal: controller.signal });
    controller.abort();

    expect(closed.state).toBe('closed');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('aborting while waiting to retry', () => {
  test(
    'with the default sleep and a 60 s backoff: AbortError, no hang',
    { timeout: 5_000 },
    async () => {
      const { fake } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault(always, { type: 'status', status: 503, body: errorListBody('unavailable', 'x') });
      const controller = new AbortController();
      const watched = watchedDefaultSleep();
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: fake.url,
        retry: { baseDelayMs: 60_000, maxDelayMs: 120_000 },
        sleep: watched.sleep,
      });

      const closing = rejectionOf(
        conversations.close(id, { adminId: ADMIN_ID, signal: controller.signal }),
      );
      await vi.waitFor(() => expect(fake.requests[0]?.status).toBe(503), {
        timeout: 4_000,
        interval: 5,
      });
      await watched.sleeping;
      expect(watched.waiting).toHaveLength(1);
      controller.abort();
      const error = await closing;

      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ mayHaveBeenApplied: false });
      expect(watched.waiting[0]).toBeGreaterThanOrEqual(30_000);
      expect(watched.waiting[0]).toBeLessThanOrEqual(60_000);
      expect(fake.requests).toHaveLength(1);
    },
  );

  test('while waiting out a 429 Retry-After: AbortError, no hang', { timeout: 5_000 }, async () => {
    const { fake } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': '50' } });
    const controller = new AbortController();
    const watched = watchedDefaultSleep();
    const conversations = createConversations({
      token: TOKEN,
      baseUrl: fake.url,
      sleep: watched.sleep,
    });

    const closing = rejectionOf(
      conversations.close(id, { adminId: ADMIN_ID, message: 'Bye', signal: controller.signal }),
    );
    await watched.sleeping;
    expect(watched.waiting).toEqual([50_000]);
    controller.abort();

    const error = await closing;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false });
    expect(fake.requests).toHaveLength(1);
    expect(partsWithBody(fake, id, 'Bye')).toBe(0);
  });

  test(
    'while the pacer waits for the rate-limit window: AbortError, nothing sent',
    { timeout: 5_000 },
    async () => {
      const { fake, clock } = await start({ rateLimit: { limit: 1, windowSeconds: 60 } });
      const first = fake.conversations.add({ state: 'open' });
      const second = fake.conversations.add({ state: 'open' });
      // The real default sleep, on the fake's frozen clock: the pacer would wait a real minute.
      const watched = watchedDefaultSleep();
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: fake.url,
        now: () => clock.ms,
        sleep: watched.sleep,
      });
      await conversations.close(first.id, { adminId: ADMIN_ID });
      expect(conversations.rateLimit).toMatchObject({ remaining: 0 });
      const controller = new AbortController();

      const closing = rejectionOf(
        conversations.close(second.id, { adminId: ADMIN_ID, signal: controller.signal }),
      );
      await watched.sleeping;
      expect(watched.waiting).toEqual([60_000]);
      controller.abort();
      const error = await closing;

      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ mayHaveBeenApplied: false });
      expect(fake.requests).toHaveLength(1);
    },
  );

  test(
    'with a connection refused and the default sleep: AbortError, no hang',
    { timeout: 5_000 },
    async () => {
      const baseUrl = await closedPortUrl();
      const attempts: string[] = [];
      const watched = watchedDefaultSleep();
      const conversations = createConversations({
        token: TOKEN,
        baseUrl,
        retry: { baseDelayMs: 60_000, maxDelayMs: 120_000 },
        sleep: watched.sleep,
        fetch: (request) => {
          attempts.push(request.url);
          return fetch(request);
        },
      });
      const controller = new AbortController();
      const closing = rejectionOf(
        conversations.open('123', { adminId: ADMIN_ID, signal: controller.signal }),
      );
      await watched.sleeping;
      expect(watched.waiting).toHaveLength(1);
      controller.abort();

      const error = await closing;
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ mayHaveBeenApplied: false });
      expect(attempts).toHaveLength(1);
    },
  );

  test(
    'an injected sleep that ignores the signal: the next attempt is not sent',
    { timeout: 5_000 },
    async () => {
      const { fake } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault(always, { type: 'status', status: 503 });
      const controller = new AbortController();
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: fake.url,
        // The caller aborts while the client waits; this sleep does not watch the signal.
        sleep: async () => {
          controller.abort();
        },
      });

      const error = await rejectionOf(
        conversations.close(id, { adminId: ADMIN_ID, signal: controller.signal }),
      );

      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ mayHaveBeenApplied: false });
      expect(fake.requests).toHaveLength(1);
    },
  );

  // Regression: an abort noticed after the pacer's wait but before the request leaves sent
  // nothing, so it must not claim the action may have been applied.
  test(
    'aborted during a pacer wait whose sleep ignores the signal: nothing sent, so mayHaveBeenApplied is false',
    { timeout: 5_000 },
    async () => {
      const { fake, clock } = await start({ rateLimit: { limit: 1, windowSeconds: 60 } });
      const first = fake.conversations.add({ state: 'open' });
      const second = fake.conversations.add({ state: 'open' });
      const controller = new AbortController();
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: fake.url,
        now: () => clock.ms,
        sleep: async (ms) => {
          clock.ms += ms;
          controller.abort();
        },
      });
      await conversations.close(first.id, { adminId: ADMIN_ID });

      const error = await rejectionOf(
        conversations.close(second.id, { adminId: ADMIN_ID, signal: controller.signal }),
      );

      expect(error).toBeInstanceOf(AbortError);
      expect(fake.requests).toHaveLength(1);
      expect(error).toMatchObject({ mayHaveBeenApplied: false });
    },
  );
});

describe('per-attempt timeout', () => {
  test(
    'a close with a message: TimeoutError, not retried, mayHaveBeenApplied: true',
    { timeout: 10_000 },
    async () => {
      const { fake, waits, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault('next', { type: 'delay', ms: 1_000 });

      const error = await rejectionOf(
        client({ timeoutMs: 100 }).close(id, { adminId: ADMIN_ID, message: 'Bye' }),
      );

      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 100, mayHaveBeenApplied: true });
      expect((error as TimeoutError).message).toBe(
        'No answer within 100 ms. The action may have been applied.',
      );
      expect(fake.requests).toHaveLength(1);
      expect(waits).toEqual([]);
      // The fake finishes the request after its delay: the message is there once, never twice.
      await vi.waitFor(() => expect(fake.requests[0]!.applied).toBe(true), {
        timeout: 5_000,
        interval: 20,
      });
      expect(partsWithBody(fake, id, 'Bye')).toBe(1);
    },
  );

  test(
    'an action that converges is retried after a timeout, and succeeds',
    { timeout: 10_000 },
    async () => {
      const { fake, waits, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      // The timeout leaves the retry ample time on a loaded machine; only the first attempt stalls.
      fake.fault('next', { type: 'delay', ms: 3_000 });

      const snoozed = await client({ timeoutMs: 1_000 }).snooze(id, { adminId: ADMIN_ID, until });

      expect(snoozed.state).toBe('snoozed');
      expect(fake.requests).toHaveLength(2);
      expect(waits).toHaveLength(1);
    },
  );

  test(
    'every attempt timing out: TimeoutError after retries + 1 requests',
    { timeout: 10_000 },
    async () => {
      const { fake, waits, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault(always, { type: 'delay', ms: 2_000 });

      const error = await rejectionOf(
        client({ timeoutMs: 100, retry: 2 }).unassign(id, {
          adminId: ADMIN_ID,
          from: 'admin',
        }),
      );

      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 100, mayHaveBeenApplied: true });
      expect(fake.requests).toHaveLength(3);
      expect(waits).toHaveLength(2);
    },
  );

  test(
    'the timeout is per attempt: a slow answer within it succeeds',
    { timeout: 10_000 },
    async () => {
      const { fake, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault('next', { type: 'delay', ms: 50 });

      const closed = await client({ timeoutMs: 5_000 }).close(id, {
        adminId: ADMIN_ID,
        message: 'Bye',
      });

      expect(closed.state).toBe('closed');
      expect(fake.requests).toHaveLength(1);
      expect(partsWithBody(fake, id, 'Bye')).toBe(1);
    },
  );

  test(
    'a caller abort during an attempt with a timeout set is AbortError, not TimeoutError',
    { timeout: 5_000 },
    async () => {
      const { fake, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault('next', { type: 'delay', ms: 60_000 });
      const controller = new AbortController();

      const closing = client({ timeoutMs: 3_000 })
        .close(id, { adminId: ADMIN_ID, signal: controller.signal })
        .then(
          () => undefined,
          (error: unknown) => collect(error),
        );
      await vi.waitFor(() => expect(fake.requests).toHaveLength(1), {
        timeout: 4_000,
        interval: 5,
      });
      controller.abort();

      expect(await closing).toBeInstanceOf(AbortError);
    },
  );
});
