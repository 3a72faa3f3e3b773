import { describe, expect, test } from 'vitest';
import { AbortError } from './errors/abort-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import { ValidationError } from './errors/validation-error.js';
import type { ManageManyItem, ManageManyOutcome, ManageManyReport } from './manage-many.js';
import { collect } from './test-support/collected-errors.js';
import {
  ADMIN_ID,
  harnessesClosedAfterEach,
  partsWithBody,
  START_MS,
  type FaultsHarness,
} from './test-support/faults-harness.js';
import { messageOf, seededItems, trackedFetch } from './test-support/many-harness.js';

const start = harnessesClosedAfterEach();
const RATE_LIMIT = { limit: 100, windowSeconds: 10 };

/** Routes every failed outcome's error through the token audit, and returns the report. */
function audited(report: ManageManyReport): ManageManyReport {
  for (const outcome of report.outcomes) if (!outcome.ok) collect(outcome.error);
  return report;
}

function expectEveryItemInOrder(report: ManageManyReport, items: readonly ManageManyItem[]): void {
  expect(report.outcomes).toHaveLength(items.length);
  report.outcomes.forEach((outcome, index) => {
    expect(outcome.index).toBe(index);
    expect(outcome.id).toBe(items[index]!.id);
  });
  expect(report.succeeded + report.failed).toBe(items.length);
  expect(report.succeeded).toBe(report.outcomes.filter((outcome) => outcome.ok).length);
}

function expectNoMessageTwice(harness: FaultsHarness, items: readonly ManageManyItem[]): void {
  for (const item of items) {
    const message = messageOf(item);
    if (message !== undefined) {
      expect(partsWithBody(harness.fake, String(item.id), message)).toBeLessThanOrEqual(1);
    }
  }
}

describe('1,000 actions against a rate limit of 100 per 10 s', () => {
  test.each([
    { concurrency: undefined, bound: 4 },
    { concurrency: 16, bound: 16 },
  ])(
    'concurrency $concurrency: every item done, in order, all ok, no 429',
    { timeout: 120_000 },
    async ({ concurrency, bound }) => {
      const harness = await start({ rateLimit: RATE_LIMIT });
      const { fake, clock } = harness;
      const items = seededItems(fake, clock, 1_000);
      const tracker = trackedFetch(clock);
      const conversations = harness.client({ fetch: tracker.fetch });
      const progress: { done: number; total: number; index: number }[] = [];

      const report = audited(
        await conversations.manageMany(items, {
          ...(concurrency === undefined ? {} : { concurrency }),
          onProgress: ({ done, total, outcome }) =>
            progress.push({ done, total, index: outcome.index }),
        }),
      );

      expectEveryItemInOrder(report, items);
      const failures = report.outcomes.filter((outcome) => !outcome.ok);
      expect(failures.map((outcome) => (outcome.ok ? '' : outcome.error.message))).toEqual([]);
      expect(report).toMatchObject({ succeeded: 1_000, failed: 0 });
      expect(report.outcomes.some((o) => !o.ok && o.error instanceof RateLimitError)).toBe(false);
      expect(fake.requests.every((request) => request.status !== 429)).toBe(true);
      expect(fake.requests).toHaveLength(1_000);
      expect(fake.requests.every((request) => request.status === 200 && request.applied)).toBe(
        true,
      );

      // Each outcome is the conversation the fake now stores, its action applied.
      for (const outcome of report.outcomes as Extract<ManageManyOutcome, { ok: true }>[]) {
        expect(outcome.conversation.id).toBe(String(outcome.id));
      }
      for (const item of items) {
        const message = messageOf(item);
        if (message !== undefined) expect(partsWithBody(fake, String(item.id), message)).toBe(1);
      }

      expect(tracker.maxInFlight).toBeLessThanOrEqual(bound);
      expect(tracker.maxInFlight).toBeGreaterThan(1);
      expect(tracker.inFlight).toBe(0);

      expect(progress).toHaveLength(1_000);
      expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
      expect(progress.every((p) => p.total === 1_000)).toBe(true);
      expect(progress.at(-1)).toMatchObject({ done: 1_000, total: 1_000 });
      expect(new Set(progress.map((p) => p.index)).size).toBe(1_000);

      // The budget ran out nine times at least: the client waited, on the shared clock.
      expect(clock.ms - START_MS).toBeGreaterThanOrEqual(90_000);
      expect(harness.waits.length).toBeGreaterThanOrEqual(9);
      expect(harness.waits.every((wait) => wait > 0 && wait <= 10_000)).toBe(true);

      const rateLimit = conversations.rateLimit;
      expect(rateLimit).toMatchObject({ limit: 100 });
      expect(rateLimit!.remaining).toBeGreaterThanOrEqual(0);
      expect(rateLimit!.remaining).toBeLessThan(100);
      expect(rateLimit!.resetAt).toBeInstanceOf(Date);
      expect(rateLimit!.resetAt.getTime()).toBeGreaterThan(clock.ms);
    },
  );
});

test('a failing item is a failed outcome; the rest succeed', { timeout: 30_000 }, async () => {
  const harness = await start({ rateLimit: RATE_LIMIT });
  const { fake, clock } = harness;
  const items = seededItems(fake, clock, 60);
  items[17] = { id: '987654321', action: { action: 'close', adminId: ADMIN_ID, message: 'Gone' } };
  items[42] = { id: items[42]!.id, action: { action: 'snooze', adminId: ADMIN_ID, until: 5 } };

  const report = audited(await harness.client().manageMany(items, { concurrency: 8 }));

  expectEveryItemInOrder(report, items);
  expect(report).toMatchObject({ succeeded: 58, failed: 2 });
  const unknown = report.outcomes[17]!;
  expect(unknown.ok).toBe(false);
  if (!unknown.ok) {
    expect(unknown.error).toBeInstanceOf(NotFoundError);
    expect(unknown.error).toMatchObject({ status: 404, mayHaveBeenApplied: false });
  }
  const invalid = report.outcomes[42]!;
  expect(invalid.ok).toBe(false);
  if (!invalid.ok) {
    expect(invalid.error).toBeInstanceOf(ValidationError);
    expect(invalid.error).toMatchObject({ field: 'items[42].action.until' });
  }
  expect(report.outcomes.filter((o) => o.ok).map((o) => o.index)).toEqual(
    items.map((_, index) => index).filter((index) => index !== 17 && index !== 42),
  );
  // The invalid item was never sent; the unknown one was, once, and not retried.
  expect(fake.requests).toHaveLength(59);
  expect(fake.requests.filter((request) => request.status === 404)).toHaveLength(1);
  expectNoMessageTwice(harness, items);
});

describe('signal', () => {
  test(
    'aborting mid-batch: the rest end as AbortError outcomes, and the batch resolves',
    { timeout: 60_000 },
    async () => {
      const harness = await start({ rateLimit: RATE_LIMIT });
      const { fake, clock } = harness;
      const items = seededItems(fake, clock, 1_000);
      const tracker = trackedFetch(clock);
      const controller = new AbortController();
      let calls = 0;

      const report = audited(
        await harness.client({ fetch: tracker.fetch }).manageMany(items, {
          concurrency: 8,
          signal: controller.signal,
          onProgress: ({ done }) => {
            calls += 1;
            if (done === 100) controller.abort(new Error('stop the batch'));
          },
        }),
      );

      expectEveryItemInOrder(report, items);
      expect(calls).toBe(1_000);
      expect(report.succeeded).toBeGreaterThanOrEqual(100);
      expect(report.succeeded).toBeLessThan(1_000);
      const failed = report.outcomes.filter((o) => !o.ok);
      expect(failed.every((o) => !o.ok && o.error instanceof AbortError)).toBe(true);
      expect(failed.length).toBe(report.failed);
      // Nothing is started after the abort: at most the in-flight ones besides the first 100.
      expect(tracker.sent.length).toBeLessThanOrEqual(100 + 8);
      // A request aborted on its way may never reach the fake; none reaches it unsent.
      expect(fake.requests.length).toBeLessThanOrEqual(tracker.sent.length);
      expectNoMessageTwice(harness, items);
    },
  );

  // Regression: workers waiting in the pacer when onProgress aborts must not report items they
  // never sent as mayHaveBeenApplied.
  test(
    'after an abort, only items whose request was sent say mayHaveBeenApplied',
    { timeout: 60_000 },
    async () => {
      const harness = await start({ rateLimit: { limit: 10, windowSeconds: 10 } });
      const { fake, clock } = harness;
      const items = seededItems(fake, clock, 40);
      const tracker = trackedFetch(clock);
      const controller = new AbortController();
      const conversations = harness.client({
        fetch: tracker.fetch,
        // Like the harness's sleep, but it takes a little real time, as a real wait does, and
        // like it, it does not watch the signal.
        sleep: (ms) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              harness.waits.push(ms);
              clock.ms += ms;
              resolve();
            }, 100),
          ),
      });

      const report = audited(
        await conversations.manageMany(items, {
          concurrency: 4,
          signal: controller.signal,
          onProgress: ({ done }) => {
            // The window's budget of 10 is spent: the other workers are waiting in the pacer.
            if (done === 10) controller.abort();
          },
        }),
      );

      expectEveryItemInOrder(report, items);
      expect(report.succeeded).toBeGreaterThanOrEqual(10);
      const sentIds = new Set(tracker.sent.map((request) => request.id));
      const claimed = report.outcomes.filter((o) => !o.ok && o.error.mayHaveBeenApplied);
      const neverSent = claimed.filter((o) => !sentIds.has(String(o.id)));
      expect(neverSent.map((o) => o.index)).toEqual([]);
    },
  );

  test(
    'stopSignal: items in flight finish and are applied; the rest are not started',
    { timeout: 60_000 },
    async () => {
      const harness = await start({ rateLimit: RATE_LIMIT });
      const { fake, clock } = harness;
      const items = seededItems(fake, clock, 200);
      const tracker = trackedFetch(clock);
      const stop = new AbortController();

      const report = audited(
        await harness.client({ fetch: tracker.fetch }).manageMany(items, {
          concurrency: 8,
          stopSignal: stop.signal,
          onProgress: ({ done }) => {
            if (done === 50) stop.abort();
          },
        }),
      );

      expectEveryItemInOrder(report, items);
      // The items in flight when the stop came finish as successes, none as an abort.
      expect(report.succeeded).toBeGreaterThanOrEqual(50);
      expect(report.succeeded).toBeLessThanOrEqual(50 + 7);
      expect(report.succeeded).toBe(tracker.sent.length);
      expect(fake.requests.filter((request) => request.applied)).toHaveLength(report.succeeded);
      for (const outcome of report.outcomes) {
        if (outcome.ok) continue;
        expect(outcome.error).toBeInstanceOf(AbortError);
        expect(outcome.error.mayHaveBeenApplied).toBe(false);
        expect(outcome.error.message).toMatch(/stopped before this item started/);
      }
    },
  );

  test(
    'an already-aborted signal: every item an AbortError outcome, nothing sent',
    { timeout: 10_000 },
    async () => {
      const harness = await start({ rateLimit: RATE_LIMIT });
      const items = seededItems(harness.fake, harness.clock, 20);

      const report = audited(
        await harness.client().manageMany(items, { signal: AbortSignal.abort() }),
      );

      expectEveryItemInOrder(report, items);
      expect(report).toMatchObject({ succeeded: 0, failed: 20 });
      for (const outcome of report.outcomes) {
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(AbortError);
          expect(outcome.error.mayHaveBeenApplied).toBe(false);
        }
      }
      expect(harness.fake.requests).toEqual([]);
    },
  );
});

test('onProgress throwing loses no result', { timeout: 30_000 }, async () => {
  const harness = await start({ rateLimit: RATE_LIMIT });
  const items = seededItems(harness.fake, harness.clock, 250);
  let calls = 0;

  const report = audited(
    await harness.client().manageMany(items, {
      concurrency: 8,
      onProgress: () => {
        calls += 1;
        throw new Error('the progress bar broke');
      },
    }),
  );

  expectEveryItemInOrder(report, items);
  expect(report).toMatchObject({ succeeded: 250, failed: 0 });
  expect(calls).toBe(250);
  expect(harness.fake.requests).toHaveLength(250);
});

test(
  'conversations.rateLimit is readable after a batch, and is a copy',
  { timeout: 30_000 },
  async () => {
    const harness = await start({ rateLimit: RATE_LIMIT });
    const conversations = harness.client();
    expect(conversations.rateLimit).toBeUndefined();
    const items = seededItems(harness.fake, harness.clock, 30);

    audited(await conversations.manageMany(items, { concurrency: 1 }));

    const windowEnd = (Math.floor(harness.clock.ms / 10_000) + 1) * 10_000;
    expect(conversations.rateLimit).toEqual({
      limit: 100,
      remaining: 70,
      resetAt: new Date(windowEnd),
    });
    const copy = conversations.rateLimit!;
    copy.remaining = 99;
    copy.resetAt.setTime(0);
    expect(conversations.rateLimit).toEqual({
      limit: 100,
      remaining: 70,
      resetAt: new Date(windowEnd),
    });
  },
);

test('an empty batch resolves with no outcomes and no progress', async () => {
  const harness = await start();
  let calls = 0;

  const report = await harness.client().manageMany([], { onProgress: () => (calls += 1) });

  expect(report).toEqual({ outcomes: [], succeeded: 0, failed: 0 });
  expect(calls).toBe(0);
  expect(harness.fake.requests).toEqual([]);
});

describe('hostile items', () => {
  const throwing = (): never => {
    throw new Error('read me if you can');
  };
  const hostileProxy = new Proxy(
    {},
    { get: throwing, getOwnPropertyDescriptor: throwing, has: throwing, ownKeys: throwing },
  );

  test('an item that cannot be read is a ValidationError outcome; the rest go on', async () => {
    const harness = await start();
    const good = seededItems(harness.fake, harness.clock, 8);
    const action = { action: 'close', adminId: ADMIN_ID } as const;
    const items: unknown[] = [
      good[0],
      {
        get id(): string {
          return throwing();
        },
        action,
      },
      good[1],
      hostileProxy,
      good[2],
      {
        id: good[3]!.id,
        get action(): never {
          return throwing();
        },
      },
      good[4],
      null,
      good[5],
      Object.create({ id: good[6]!.id, action }),
      undefined,
    ];
    // 11 is a getter that throws, 12 a hole, and 13 the last good item.
    Object.defineProperty(items, 11, { get: throwing, enumerable: true });
    items[13] = good[7];
    const report = audited(
      await harness.client().manageMany(items as ManageManyItem[], { concurrency: 3 }),
    );

    expect(report.outcomes.map((outcome) => outcome.index)).toEqual([...Array(14).keys()]);
    expect(report).toMatchObject({ succeeded: 6, failed: 8 });
    const failures = report.outcomes.filter((outcome) => !outcome.ok);
    expect(
      failures.map((outcome) => (outcome.ok ? '' : (outcome.error as ValidationError).field)),
    ).toEqual([
      'items[1].id',
      'items[3].id',
      'items[5].action',
      'items[7]',
      'items[9].id',
      'items[10]',
      'items[11]',
      'items[12]',
    ]);
    for (const outcome of failures) {
      if (outcome.ok) continue;
      expect(outcome.error).toBeInstanceOf(ValidationError);
      expect(outcome.error.mayHaveBeenApplied).toBe(false);
    }
    expect(report.outcomes[5]!.id).toBe(good[3]!.id);
    // Only the readable items were sent, one request each.
    expect(harness.fake.requests.map((request) => request.path).sort()).toEqual(
      [0, 1, 2, 4, 5, 7].map((index) => `/conversations/${good[index]!.id}/parts`).sort(),
    );
  });

  test.each([
    [
      'a Proxy whose length throws',
      new Proxy([], {
        get: (target, key) =>
          key === 'length'
            ? (() => {
                throw new Error('no');
              })()
            : Reflect.get(target, key),
      }),
      'items.length',
    ],
    [
      'a Proxy that claims a length no array has',
      new Proxy([], {
        get: (target, key) => (key === 'length' ? 2 ** 40 : Reflect.get(target, key)),
      }),
      'items.length',
    ],
    ['not an array', { length: 2 }, 'items'],
    ['a string', 'abc', 'items'],
  ])('items that are %s: a ValidationError before anything is sent', async (_, items, field) => {
    const harness = await start();
    const error = collect(
      await harness
        .client()
        .manageMany(items as unknown as ManageManyItem[])
        .catch((rejection: unknown) => rejection),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, mayHaveBeenApplied: false });
    expect(harness.fake.requests).toEqual([]);
  });

  test('options whose getters throw are a ValidationError; inherited options are not read', async () => {
    const harness = await start();
    const items = seededItems(harness.fake, harness.clock, 2);
    const throwingOptions = {
      get concurrency(): number {
        return throwing();
      },
    };
    const error = collect(
      await harness
        .client()
        .manageMany(items, throwingOptions)
        .catch((rejection: unknown) => rejection),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.concurrency' });
    expect(harness.fake.requests).toEqual([]);

    const report = audited(
      await harness.client().manageMany(items, Object.create({ concurrency: 0 }) as object),
    );
    expect(report).toMatchObject({ succeeded: 2, failed: 0 });
  });
});

describe('onProgress that fails', () => {
  test('rejecting at once, rejecting after the run, or with a then that throws: no unhandled rejection, every outcome kept', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const harness = await start();
      const items = seededItems(harness.fake, harness.clock, 30);
      const late: Array<(reason: Error) => void> = [];
      let calls = 0;

      const report = audited(
        await harness.client().manageMany(items, {
          concurrency: 4,
          onProgress: ({ done }) => {
            calls += 1;
            if (done % 3 === 0) return Promise.reject(new Error('progress failed at once'));
            if (done % 3 === 1) {
              return new Promise<void>((_, reject) => late.push(reject)) as unknown as void;
            }
            return {
              get then(): never {
                throw new Error('a then that throws');
              },
            } as unknown as void;
          },
        }),
      );
      // Reject the pending ones only now, after the batch resolved.
      for (const reject of late) reject(new Error('progress failed after the run'));
      for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));

      expectEveryItemInOrder(report, items);
      expect(report).toMatchObject({ succeeded: 30, failed: 0 });
      expect(calls).toBe(30);
      expect(late.length).toBe(10);
      expect(harness.fake.requests).toHaveLength(30);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
