import {
  createConversations,
  RateLimitError,
  type ManageManyItem,
} from '@conversation-kit/conversations';
import { startFakeIntercom, type FakeIntercom } from '@conversation-kit/testing';
import { printTable } from '../report/table.js';

const TOKEN = 'bench-bursts-token';
const ADMIN_ID = '991267';

/** One burst scenario: how many 429s the fake answered, and how many reached the callers. */
export interface BurstResult {
  scenario: string;
  calls: number;
  succeeded: number;
  answered429: number;
  rateLimitErrorsToCallers: number;
  otherErrorsToCallers: number;
}

async function fakeAt(limit: number, windowSeconds: number): Promise<FakeIntercom> {
  return startFakeIntercom({
    token: TOKEN,
    admins: [ADMIN_ID],
    rateLimit: { limit, windowSeconds },
    recording: { maxRequests: 20_000 },
  });
}

const answered429 = (fake: FakeIntercom): number =>
  fake.requests.filter((request) => request.status === 429).length;

async function concurrentCloses(calls: number): Promise<BurstResult> {
  await using fake = await fakeAt(100, 1);
  const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });
  const ids = Array.from({ length: calls }, () => fake.conversations.add({ state: 'open' }).id);
  const settled = await Promise.allSettled(
    ids.map((id) => conversations.close(id, { adminId: ADMIN_ID })),
  );
  const errors = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  return {
    scenario: `${calls} concurrent close(), 100 per 1-s window`,
    calls,
    succeeded: calls - errors.length,
    answered429: answered429(fake),
    rateLimitErrorsToCallers: errors.filter((error) => error instanceof RateLimitError).length,
    otherErrorsToCallers: errors.filter((error) => !(error instanceof RateLimitError)).length,
  };
}

async function manyAt(
  items: number,
  concurrency: number | undefined,
  limit: number,
): Promise<BurstResult> {
  await using fake = await fakeAt(limit, 1);
  const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });
  const batch: ManageManyItem[] = Array.from({ length: items }, () => ({
    id: fake.conversations.add({ state: 'open' }).id,
    action: { action: 'close', adminId: ADMIN_ID },
  }));
  const report = await conversations.manageMany(batch, concurrency ? { concurrency } : {});
  const errors = report.outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
  return {
    scenario: `manageMany over ${items}, concurrency ${concurrency ?? '4 (default)'}, ${limit} per 1-s window`,
    calls: items,
    succeeded: report.succeeded,
    answered429: answered429(fake),
    rateLimitErrorsToCallers: errors.filter((error) => error instanceof RateLimitError).length,
    otherErrorsToCallers: errors.filter((error) => !(error instanceof RateLimitError)).length,
  };
}

/**
 * Bursts at window resets, on the real clock: 500 concurrent calls, and `manageMany` with
 * concurrency 64 and with the defaults.
 *
 * @example
 * printBursts(await measureBursts());
 */
export async function measureBursts(): Promise<BurstResult[]> {
  return [await concurrentCloses(500), await manyAt(300, 64, 20), await manyAt(30, undefined, 3)];
}

/**
 * Prints the burst figures as a table.
 *
 * @example
 * printBursts(results);
 */
export function printBursts(results: readonly BurstResult[]): void {
  printTable(
    '6. Bursts at rate-limit window resets (the fake on the real clock)',
    [
      'scenario',
      'calls',
      'succeeded',
      '429s answered',
      'RateLimitErrors to callers',
      'other errors',
    ],
    results.map((result) => [
      result.scenario,
      result.calls,
      result.succeeded,
      result.answered429,
      result.rateLimitErrorsToCallers,
      result.otherErrorsToCallers,
    ]),
  );
}
