import { describe, expect, test } from 'vitest';
import { AbortError } from './errors/abort-error.js';
import { ApiError } from './errors/api-error.js';
import { ConversationsError } from './errors/conversations-error.js';
import { RateLimitWaitError } from './errors/rate-limit-wait-error.js';
import type { ManageManyReport } from './manage-many.js';
import { RateLimitPacer } from './rate-limit-pacer.js';
import type { RateLimitReservation, RateLimitStore } from './rate-limit-store.js';
import { collect, rejectionOf } from './test-support/collected-errors.js';
import {
  ADMIN_ID,
  harnessesClosedAfterEach,
  START_MS,
  type SharedClock,
} from './test-support/faults-harness.js';
import { seededItems } from './test-support/many-harness.js';
import { TOKEN } from './test-support/token.js';

// The client paces itself by the X-RateLimit-* headers of the answers, on a clock it shares with
// the fake, so that a batch under the rate limit never meets a 429.

const start = harnessesClosedAfterEach();

function audited(report: ManageManyReport): ManageManyReport {
  for (const outcome of report.outcomes) if (!outcome.ok) collect(outcome.error);
  return report;
}

/** A `fetch` that notes, for every answer, the window the fake counted it in and its status. */
function windowsFetch(clock: SharedClock) {
  const answers: { reset: number; remaining: number; status: number; sentAtMs: number }[] = [];
  return {
    answers,
    fetch: async (request: Request): Promise<Response> => {
      const sentAtMs = clock.ms;
      const response = await fetch(request);
      answers.push({
        reset: Number(response.headers.get('x-ratelimit-reset')),
        remaining: Number(response.headers.get('x-ratelimit-remaining')),
        status: response.status,
        sentAtMs,
      });
      return response;
    },
  };
}

function countsPerWindow(answers: { reset: number }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { reset } of answers) counts.set(reset, (counts.get(reset) ?? 0) + 1);
  return counts;
}

test('sequential calls: the call after the budget is spent waits exactly until the reset', async () => {
  const { fake, clock, waits, client } = await start({
    rateLimit: { limit: 3, windowSeconds: 10 },
  });
  clock.ms += 2_500;
  const conversations = client();
  const ids = Array.from({ length: 4 }, () => fake.conversations.add({ state: 'open' }).id);

  for (const id of ids) await conversations.close(id, { adminId: ADMIN_ID });

  expect(fake.requests.map((request) => request.status)).toEqual([200, 200, 200, 200]);
  expect(waits).toEqual([START_MS + 10_000 - (START_MS + 2_500)]);
  expect(clock.ms).toBe(START_MS + 10_000);
  expect(conversations.rateLimit).toEqual({
    limit: 3,
    remaining: 2,
    resetAt: new Date(START_MS + 20_000),
  });
});

describe('a batch of 1,000 at 100 per 10 s', () => {
  test.each([{ concurrency: 4 }, { concurrency: 8 }, { concurrency: 64 }])(
    'concurrency $concurrency: no window gets more than its 100, and no 429',
    { timeout: 120_000 },
    async ({ concurrency }) => {
      const harness = await start({ rateLimit: { limit: 100, windowSeconds: 10 } });
      const { fake, clock, waits } = harness;
      const items = seededItems(fake, clock, 1_000);
      const tracked = windowsFetch(clock);

      const report = audited(
        await harness.client({ fetch: tracked.fetch }).manageMany(items, { concurrency }),
      );

      expect(report).toMatchObject({ succeeded: 1_000, failed: 0 });
      expect(fake.requests.every((request) => request.status !== 429)).toBe(true);
      expect(tracked.answers.every((answer) => answer.status === 200)).toBe(true);
      const counts = countsPerWindow(tracked.answers);
      expect([...counts.values()].every((count) => count <= 100)).toBe(true);
      expect(counts.size).toBeGreaterThanOrEqual(10);
      // The pacer holds back only while the window's budget is spent: each wait ends a window.
      expect(waits.length).toBeGreaterThan(0);
      for (const wait of waits) {
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(10_000);
      }
      // Waiting does not waste whole windows' budgets: every window but the last is nearly full.
      const fullWindows = [...counts.entries()].sort(([a], [b]) => a - b).slice(0, -1);
      for (const [, count] of fullWindows) expect(count).toBeGreaterThanOrEqual(100 - concurrency);
    },
  );
});

test(
  'a spent budget whose reset is beyond maxRateLimitWaitMs: RateLimitWaitError outcomes, nothing sent',
  { timeout: 30_000 },
  async () => {
    const harness = await start({ rateLimit: { limit: 5, windowSeconds: 10 } });
    const { fake, clock, waits } = harness;
    const items = seededItems(fake, clock, 12);

    const report = audited(
      await harness
        .client({ retry: { maxRateLimitWaitMs: 5_000 } })
        .manageMany(items, { concurrency: 1 }),
    );

    expect(report).toMatchObject({ succeeded: 5, failed: 7 });
    expect(report.outcomes.slice(0, 5).every((outcome) => outcome.ok)).toBe(true);
    for (const outcome of report.outcomes.slice(5)) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        // Not an answer from Intercom: no status, and the text says nothing was sent.
        expect(outcome.error).toBeInstanceOf(RateLimitWaitError);
        expect(outcome.error).toBeInstanceOf(ConversationsError);
        expect(outcome.error).not.toBeInstanceOf(ApiError);
        expect(outcome.error).not.toHaveProperty('status');
        expect(outcome.error.name).toBe('RateLimitWaitError');
        expect(outcome.error.message).toContain('Nothing was sent');
        expect(outcome.error.message).not.toContain('429');
        expect(outcome.error).toMatchObject({
          mayHaveBeenApplied: false,
          waitMs: 10_000,
          maxWaitMs: 5_000,
          rateLimit: { limit: 5, remaining: 0, resetAt: new Date(START_MS + 10_000) },
        });
        expect(outcome.error.toJSON()).toMatchObject({
          name: 'RateLimitWaitError',
          waitMs: 10_000,
        });
      }
    }
    expect(fake.requests).toHaveLength(5);
    expect(fake.requests.every((request) => request.status === 200)).toBe(true);
    expect(waits).toEqual([]);
  },
);

test(
  'a wait within maxRateLimitWaitMs is taken, on the injected clock',
  { timeout: 30_000 },
  async () => {
    const harness = await start({ rateLimit: { limit: 5, windowSeconds: 60 } });
    const { fake, clock, waits } = harness;
    const items = seededItems(fake, clock, 12);

    const report = audited(
      await harness
        .client({ retry: { maxRateLimitWaitMs: 60_000 } })
        .manageMany(items, { concurrency: 1 }),
    );

    expect(report).toMatchObject({ succeeded: 12, failed: 0 });
    expect(fake.requests.every((request) => request.status === 200)).toBe(true);
    expect(waits).toEqual([60_000, 60_000]);
    expect(clock.ms).toBe(START_MS + 120_000);
  },
);

test(
  'the rate-limit state follows the newest window, and the lowest remaining within one',
  { timeout: 30_000 },
  async () => {
    const harness = await start({ rateLimit: { limit: 50, windowSeconds: 10 } });
    const { fake, clock } = harness;
    const conversations = harness.client();
    const items = seededItems(fake, clock, 40);

    audited(await conversations.manageMany(items, { concurrency: 16 }));

    // Answers arrive in any order; the state is the fewest remaining the window reported.
    expect(conversations.rateLimit).toEqual({
      limit: 50,
      remaining: 10,
      resetAt: new Date(START_MS + 10_000),
    });
    clock.ms += 10_000;
    await conversations.open(String(items[0]!.id), { adminId: ADMIN_ID });
    expect(conversations.rateLimit).toEqual({
      limit: 50,
      remaining: 49,
      resetAt: new Date(START_MS + 20_000),
    });
  },
);

describe('odd X-RateLimit-* answers leave the client working once the server recovers', () => {
  const reset = String(START_MS / 1000 + 10);
  test.each([
    ['a reset in milliseconds', { 'X-RateLimit-Reset': String(START_MS + 10_000) }],
    ['a 20-digit reset', { 'X-RateLimit-Reset': '17943889279401234567' }],
    ['a negative reset', { 'X-RateLimit-Reset': '-10' }],
    ['a fractional reset', { 'X-RateLimit-Reset': `${reset}.75` }],
    [
      'a huge remaining',
      { 'X-RateLimit-Remaining': '99999999999999999999', 'X-RateLimit-Reset': reset },
    ],
    ['a limit of 0', { 'X-RateLimit-Limit': '0', 'X-RateLimit-Reset': reset }],
    ['a missing reset', {}],
  ])('%s, with Remaining: 0', { timeout: 30_000 }, async (_name, odd: Record<string, string>) => {
    const harness = await start({ rateLimit: { limit: 100, windowSeconds: 10 } });
    const { fake, waits } = harness;
    const conversations = harness.client();
    const ids = Array.from({ length: 6 }, () => fake.conversations.add({ state: 'open' }).id);
    const oddHeaders = { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', ...odd };

    await conversations.close(ids[0]!, { adminId: ADMIN_ID });
    // A 200 carrying the odd headers: ignored, and noted on the state.
    fake.fault('next', {
      type: 'status',
      status: 200,
      body: { ...fake.conversations.get(ids[1]!), state: 'closed', open: false },
      headers: oddHeaders,
    });
    await conversations.close(ids[1]!, { adminId: ADMIN_ID });
    expect(conversations.rateLimit?.ignored?.length).toBeGreaterThan(0);
    for (const value of Object.values(odd)) {
      if (value.length > 3)
        expect(conversations.rateLimit?.ignored?.join(' ')).not.toContain(value);
    }
    // A 429 carrying them: retried after a bounded wait, not one the header made up.
    fake.fault('next', {
      type: 'status',
      status: 429,
      body: { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] },
      headers: oddHeaders,
    });
    for (const id of ids.slice(2)) await conversations.close(id, { adminId: ADMIN_ID });

    // The second close was answered by the fault alone, so the fake holds it open.
    const closed = ids.filter((id) => fake.conversations.get(id)?.state === 'closed');
    expect(closed).toEqual([ids[0], ...ids.slice(2)]);
    expect(fake.requests.map((request) => request.status)).toEqual([
      200, 200, 429, 200, 200, 200, 200,
    ]);
    for (const wait of waits) {
      expect(Number.isFinite(wait)).toBe(true);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(10_000);
    }
    expect(waits).toHaveLength(1);
    const state = conversations.rateLimit;
    expect(state).toMatchObject({ limit: 100 });
    expect(state?.ignored).toBeUndefined();
    expect(Number.isFinite(state?.resetAt.getTime())).toBe(true);
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });
});

describe('waits the pacer takes', () => {
  test('a store answering a wait that is no number is asked again after a bounded wait', async () => {
    const answers: RateLimitReservation[] = [
      { granted: false, waitMs: Number.NaN },
      { granted: false, waitMs: Number.POSITIVE_INFINITY },
      { granted: false, waitMs: -5 },
      { granted: false, waitMs: 2.5 },
      { granted: true, slot: { id: 'only' } },
    ];
    const store: RateLimitStore = {
      state: undefined,
      reserve: async () => answers.shift()!,
      settle: async () => {},
      close: async () => {},
    };
    const waits: number[] = [];
    const pacer = new RateLimitPacer({
      store,
      timing: { now: () => START_MS, sleep: async (ms) => void waits.push(ms) },
      maxWaitMs: 60_000,
    });

    const release = await pacer.acquire();
    release(undefined);

    expect(waits).toEqual([1_000, 1_000, 1, 3]);
  });

  test('a call waiting for the first answers can be aborted: AbortError, never sent', async () => {
    const harness = await start({ rateLimit: { limit: 100, windowSeconds: 10 } });
    const { fake, waits } = harness;
    const conversations = harness.client();
    const ids = Array.from({ length: 5 }, () => fake.conversations.add({ state: 'open' }).id);
    fake.fault(4, { type: 'delay', ms: 300 });
    const controller = new AbortController();

    // Four go before any answer; the fifth waits for one, which the fake holds back.
    const first = ids.slice(0, 4).map((id) => conversations.close(id, { adminId: ADMIN_ID }));
    const waiting = rejectionOf(
      conversations.close(ids[4]!, { adminId: ADMIN_ID, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);

    const error = await waiting;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false });
    await Promise.all(first);
    expect(fake.requests.map((request) => request.path).sort()).toEqual(
      ids
        .slice(0, 4)
        .map((id) => `/conversations/${id}/parts`)
        .sort(),
    );
    expect(fake.conversations.get(ids[4]!)?.state).toBe('open');
    expect(waits).toEqual([]);
  });
});
