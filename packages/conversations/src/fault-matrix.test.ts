import type { Fault } from '@conversation-kit/testing';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ConnectionError } from './errors/connection-error.js';
import type { ConversationsError } from './errors/conversations-error.js';
import { ServerError } from './errors/server-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { collect, rejectionOf } from './test-support/collected-errors.js';
import {
  ACTION_KINDS,
  errorListBody,
  harnessesClosedAfterEach,
  partsWithBody,
  type SharedClock,
  exhaustedWindow,
} from './test-support/faults-harness.js';

// Every fault mode of the fake × every kind of action, each checked against the retry policy:
// what the call ends with, how many requests the fake saw, and that no message is posted twice.

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(collect(reason));
};
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

const start = harnessesClosedAfterEach();

/** Retried whatever the action: the request was not processed. */
interface SafeRow {
  policy: 'safe';
  /** The wait the retry must take, if the answer names one. */
  wait?: (clock: SharedClock) => number;
}
/** Maybe processed: retried only when repeating converges. */
interface AmbiguousRow {
  policy: 'ambiguous';
  error: new (...args: never[]) => ConversationsError;
  status?: number;
  /** Whether the faulted request itself changed the conversation (at once or after its delay). */
  faultedApplies: boolean;
}
/** A 2xx the client cannot read: applied, never retried. */
interface BrokenRow {
  policy: 'broken';
}
type FaultRow = { name: string; fault: (clock: SharedClock) => Fault; timeoutMs?: number } & (
  SafeRow | AmbiguousRow | BrokenRow
);

const TIMEOUT_MS = 200;

const FAULT_ROWS: readonly FaultRow[] = [
  {
    name: 'status 500',
    fault: () => ({
      type: 'status',
      status: 500,
      body: errorListBody('server_error', 'Something went wrong'),
    }),
    policy: 'ambiguous',
    error: ServerError,
    status: 500,
    faultedApplies: false,
  },
  {
    name: 'status 502 with an HTML page',
    fault: () => ({
      type: 'status',
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    }),
    policy: 'ambiguous',
    error: ServerError,
    status: 502,
    faultedApplies: false,
  },
  {
    name: 'status 503',
    fault: () => ({
      type: 'status',
      status: 503,
      body: errorListBody('service_unavailable', 'Try again'),
    }),
    policy: 'safe',
  },
  {
    name: 'status 504',
    fault: () => ({ type: 'status', status: 504, body: '' }),
    policy: 'ambiguous',
    error: ServerError,
    status: 504,
    faultedApplies: false,
  },
  {
    name: 'status 429 with Retry-After',
    fault: () => ({
      type: 'status',
      status: 429,
      body: errorListBody('rate_limit_exceeded', 'Too many requests'),
      headers: { 'Retry-After': '3' },
    }),
    policy: 'safe',
    wait: () => 3_000,
  },
  {
    name: 'status 429 without Retry-After, with X-RateLimit-Reset',
    fault: (clock) => ({
      type: 'status',
      status: 429,
      body: errorListBody('rate_limit_exceeded', 'Too many requests'),
      headers: exhaustedWindow(Math.floor(clock.ms / 1000) + 7),
    }),
    policy: 'safe',
    wait: (clock) => (Math.floor(clock.ms / 1000) + 7) * 1000 - clock.ms,
  },
  {
    name: 'status 429 with no headers at all',
    fault: () => ({
      type: 'status',
      status: 429,
      body: errorListBody('rate_limit_exceeded', 'Too many requests'),
    }),
    policy: 'safe',
  },
  {
    name: `delay beyond timeoutMs (${TIMEOUT_MS} ms)`,
    fault: () => ({ type: 'delay', ms: 1_000 }),
    timeoutMs: TIMEOUT_MS,
    policy: 'ambiguous',
    error: TimeoutError,
    faultedApplies: true,
  },
  {
    name: 'destroy before-apply',
    fault: () => ({ type: 'destroy', when: 'before-apply' }),
    policy: 'ambiguous',
    error: ConnectionError,
    faultedApplies: false,
  },
  {
    name: 'destroy after-apply',
    fault: () => ({ type: 'destroy', when: 'after-apply' }),
    policy: 'ambiguous',
    error: ConnectionError,
    faultedApplies: true,
  },
  { name: 'malformed-json', fault: () => ({ type: 'malformed-json' }), policy: 'broken' },
  { name: 'truncated-json', fault: () => ({ type: 'truncated-json' }), policy: 'broken' },
];

// The first backoff: baseDelayMs (500) with jitter, between half and all of it.
const FIRST_BACKOFF = { min: 250, max: 500 };

describe.each(FAULT_ROWS)('fault: $name', (row) => {
  test.each(ACTION_KINDS)('$name', { timeout: 10_000 }, async (kind) => {
    const { fake, clock, waits, client } = await start();
    const { id } = fake.conversations.add(kind.seed);
    const fault = row.fault(clock);
    const expectedWait = row.policy === 'safe' ? row.wait?.(clock) : undefined;
    fake.fault('next', fault);
    const conversations = client(row.timeoutMs === undefined ? {} : { timeoutMs: row.timeoutMs });
    const call = conversations.manage(id, kind.action(clock));

    const retried =
      row.policy === 'safe' || (row.policy === 'ambiguous' && kind.message === undefined);
    if (retried) {
      const conversation = await call;
      expect(conversation.id).toBe(id);
      expect(kind.applied(conversation)).toBe(true);
      expect(fake.requests).toHaveLength(2);
      expect(fake.requests[1]).toMatchObject({ status: 200, applied: true });
      expect(waits).toHaveLength(1);
      if (expectedWait !== undefined) expect(waits[0]).toBe(expectedWait);
      else if (row.policy === 'ambiguous' || row.name === 'status 503') {
        expect(waits[0]).toBeGreaterThanOrEqual(FIRST_BACKOFF.min);
        expect(waits[0]).toBeLessThanOrEqual(FIRST_BACKOFF.max);
      } else expect(waits[0]).toBeGreaterThan(0);
    } else {
      const error = await rejectionOf(call);
      if (row.policy === 'broken') {
        expect(error).toBeInstanceOf(UnexpectedResponseError);
        expect(error).toMatchObject({ status: 200, mayHaveBeenApplied: true });
      } else if (row.policy === 'ambiguous') {
        expect(error).toBeInstanceOf(row.error);
        expect(error).toMatchObject({ mayHaveBeenApplied: true });
        if (row.status !== undefined) expect(error).toMatchObject({ status: row.status });
        if (row.error === TimeoutError) expect(error).toMatchObject({ timeoutMs: TIMEOUT_MS });
      }
      expect(fake.requests).toHaveLength(1);
      expect(waits).toEqual([]);
    }
    expect(fake.requests[0]!.fault).toBe(fault.type);

    // The faulted request's own effect on the conversation.
    const faultedApplies =
      row.policy === 'broken' || (row.policy === 'ambiguous' && row.faultedApplies);
    if (faultedApplies && row.name.startsWith('delay') && kind.message !== undefined) {
      // The fake applies a delayed request once its delay is over, whoever stopped waiting.
      await vi.waitFor(() => expect(fake.requests[0]!.applied).toBe(true), {
        timeout: 5_000,
        interval: 20,
      });
    }
    if (!row.name.startsWith('delay')) {
      expect(fake.requests[0]!.applied).toBe(faultedApplies);
    }
    if (faultedApplies || retried) {
      expect(kind.applied(fake.conversations.get(id)!)).toBe(true);
    } else {
      expect(fake.conversations.get(id)).toMatchObject({
        state: kind.seed.state,
        conversation_parts: { total_count: 0 },
      });
    }

    // The invariant: a message is posted at most once, and exactly once when it was applied.
    if (kind.message !== undefined) {
      expect(partsWithBody(fake, id, kind.message)).toBe(faultedApplies || retried ? 1 : 0);
    }
  });
});

describe('retryMessagesAfterAmbiguousFailure: true', () => {
  test('retries a close with a message after a 502, and posts the message once', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'status', status: 502, body: '<html>Bad Gateway</html>' });
    const message = 'Closing: solved, thanks!';

    const closed = await client({ retry: { retryMessagesAfterAmbiguousFailure: true } }).close(id, {
      adminId: '991267',
      message,
    });

    expect(closed.state).toBe('closed');
    expect(fake.requests.map((request) => request.status)).toEqual([502, 200]);
    expect(waits).toHaveLength(1);
    expect(partsWithBody(fake, id, message)).toBe(1);
  });

  test('after destroy after-apply it posts the message twice: the documented risk of opting in', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    const message = 'Closing: solved, thanks!';

    const closed = await client({ retry: { retryMessagesAfterAmbiguousFailure: true } }).close(id, {
      adminId: '991267',
      message,
    });

    expect(closed.state).toBe('closed');
    expect(fake.requests.map(({ status, applied }) => ({ status, applied }))).toEqual([
      { status: 0, applied: true },
      { status: 200, applied: true },
    ]);
    expect(partsWithBody(fake, id, message)).toBe(2);
  });

  test('without opting in, the same fault leaves the message posted exactly once', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    const message = 'Closing: solved, thanks!';

    const error = await rejectionOf(client().close(id, { adminId: '991267', message }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
    expect(fake.requests).toHaveLength(1);
    expect(partsWithBody(fake, id, message)).toBe(1);
  });
});

test('a 502 proxy page makes a readable ServerError', async () => {
  const { fake, client } = await start();
  const { id } = fake.conversations.add({ state: 'open' });
  fake.fault('next', {
    type: 'status',
    status: 502,
    body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
  });

  const error = await rejectionOf(
    client().close(id, { adminId: '991267', message: 'Closing: solved, thanks!' }),
  );

  expect(error).toBeInstanceOf(ServerError);
  expect((error as ServerError).message).toContain('non-JSON body: 502 Bad Gateway nginx');
  expect(error).toMatchObject({ status: 502, errors: [], mayHaveBeenApplied: true });
});

test('no unhandled rejection in this file', async () => {
  // Let any rejection still queued from the tests above be reported first.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
});
