import { startFakeIntercom, type FakeIntercom } from '@conversation-kit/testing';
import { describe, expect, test } from 'vitest';
import { createConversations } from './create-conversations.js';
import { ConversationsError } from './errors/conversations-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import type { ManageManyReport } from './manage-many.js';
import { collect } from './test-support/collected-errors.js';
import { ADMIN_ID, TEAM_ID } from './test-support/faults-harness.js';
import { seededItems } from './test-support/many-harness.js';
import { TOKEN } from './test-support/token.js';

// Bursts at window resets, on the real clock: the fake counts its windows on Date.now, and every
// waiting call wakes at the reset at once. No 429 may reach a caller, and the fake should answer
// none, since the pacer counts each new window's requests before any answer from it arrives.

async function fakeAt(limit: number, windowSeconds: number): Promise<FakeIntercom> {
  const fake = await startFakeIntercom({
    token: TOKEN,
    rateLimit: { limit, windowSeconds },
    recording: { maxRequests: 10_000 },
    admins: [ADMIN_ID],
    teams: [TEAM_ID],
  });
  return fake;
}

function statuses(fake: FakeIntercom): Map<number, number> {
  expect(fake.droppedRequests).toBe(0);
  const counts = new Map<number, number>();
  for (const { status } of fake.requests) counts.set(status, (counts.get(status) ?? 0) + 1);
  return counts;
}

function failuresOf(report: ManageManyReport): ConversationsError[] {
  return report.outcomes.flatMap((outcome) => (outcome.ok ? [] : [collect(outcome.error)]));
}

describe.concurrent('bursts at window resets, on the real clock', () => {
  test(
    '500 concurrent close() at 100 per 1-s window: all succeed, the fake answers no 429',
    {
      timeout: 60_000,
    },
    async () => {
      await using fake = await fakeAt(100, 1);
      const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });
      const ids = Array.from({ length: 500 }, () => fake.conversations.add({ state: 'open' }).id);

      const settled = await Promise.allSettled(
        ids.map((id) => conversations.close(id, { adminId: ADMIN_ID })),
      );

      const rejected = settled.flatMap((result) =>
        result.status === 'rejected' ? [collect(result.reason as unknown)] : [],
      );
      expect(rejected.filter((error) => error instanceof RateLimitError)).toEqual([]);
      expect(rejected).toEqual([]);
      expect(ids.every((id) => fake.conversations.get(id)?.state === 'closed')).toBe(true);
      const counts = statuses(fake);
      expect(counts.get(429) ?? 0).toBe(0);
      expect(counts.get(200)).toBe(500);
    },
  );

  test(
    'manageMany, concurrency 64, at 20 per second over 300 items: all succeed, no 429',
    {
      timeout: 60_000,
    },
    async () => {
      await using fake = await fakeAt(20, 1);
      const items = seededItems(fake, { ms: Date.now() }, 300);
      const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });

      const report = await conversations.manageMany(items, { concurrency: 64 });

      expect(failuresOf(report)).toEqual([]);
      expect(report).toMatchObject({ succeeded: 300, failed: 0 });
      expect(statuses(fake).get(429) ?? 0).toBe(0);
    },
  );

  test(
    'manageMany with the defaults at 3 per second over 30 items: all succeed, at most one 429',
    {
      timeout: 60_000,
    },
    async () => {
      await using fake = await fakeAt(3, 1);
      const items = seededItems(fake, { ms: Date.now() }, 30);
      const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });

      const report = await conversations.manageMany(items);

      expect(failuresOf(report)).toEqual([]);
      expect(report).toMatchObject({ succeeded: 30, failed: 0 });
      // Before the first answer the budget is unknown and four go at once: into a window of
      // three, one may be refused (and is retried); after that, none.
      expect(statuses(fake).get(429) ?? 0).toBeLessThanOrEqual(1);
    },
  );
});
