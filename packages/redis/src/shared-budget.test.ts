import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeIntercom, type FakeIntercom } from '@conversation-kit/testing';
import { describe, expect, test } from 'vitest';
import { startRedisServer } from './test-support/redis-server.js';

// Four processes, one Intercom app allowing 50 requests per 2-s window, 1,000 actions in all.
const TOKEN = 'tok_shared_budget_0b7c_never_in_redis';
const ADMIN_ID = '991267';
const WORKERS = 4;
const PER_WORKER = 250;
const LIMIT = 50;
const WINDOW_SECONDS = 2;
const WORKER = fileURLToPath(new URL('./test-support/shared-budget-worker.ts', import.meta.url));

interface WorkerSummary {
  succeeded: number;
  failed: number;
  indexes: number[];
  errors: string[];
  resets: number[];
  faults: number;
}

async function startFake(): Promise<FakeIntercom> {
  return startFakeIntercom({
    token: TOKEN,
    admins: [ADMIN_ID],
    rateLimit: { limit: LIMIT, windowSeconds: WINDOW_SECONDS },
    recording: { maxRequests: 20_000 },
  });
}

function runWorker(
  fake: FakeIntercom,
  ids: string[],
  redisUrl: string | undefined,
  startAt: number,
) {
  return new Promise<WorkerSummary>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        FAKE_URL: fake.url,
        TOKEN,
        ADMIN_ID,
        IDS: JSON.stringify(ids),
        START_AT: String(startAt),
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as WorkerSummary);
      else reject(new Error(`worker exited ${code}: ${stderr.slice(-2_000)}`));
    });
  });
}

async function runAll(
  fake: FakeIntercom,
  redisUrl: string | undefined,
  during?: () => Promise<void>,
) {
  const batches = Array.from({ length: WORKERS }, () =>
    Array.from({ length: PER_WORKER }, () => fake.conversations.add({ state: 'open' }).id),
  );
  // The start of a window a few seconds ahead, once every worker has loaded.
  const windowMs = WINDOW_SECONDS * 1000;
  const startAt = Math.ceil((Date.now() + 4_000) / windowMs) * windowMs;
  const running = Promise.all(batches.map((ids) => runWorker(fake, ids, redisUrl, startAt)));
  await during?.();
  return { batches, summaries: await running };
}

const answered429 = (fake: FakeIntercom): number =>
  fake.requests.filter((request) => request.status === 429).length;

// The run measured for its windows goes alone, so the other runs' processes do not slow it.
describe('four processes share one budget through Redis', () => {
  test(
    'with the store: every item succeeds, no 429, at most ~1.1× the ideal windows',
    {
      timeout: 150_000,
    },
    async () => {
      await using redis = await startRedisServer();
      await using fake = await startFake();

      const { summaries } = await runAll(fake, redis.url);

      expect(summaries.map((summary) => summary.errors)).toEqual([[], [], [], []]);
      expect(summaries.reduce((sum, summary) => sum + summary.succeeded, 0)).toBe(1_000);
      expect(fake.droppedRequests).toBe(0);
      expect(answered429(fake)).toBe(0);
      const resets = summaries.flatMap((summary) => summary.resets);
      const windows = (Math.max(...resets) - Math.min(...resets)) / WINDOW_SECONDS + 1;
      // The ideal is ceil(1000 / 50) = 20 windows, the first entered at its start.
      expect(windows).toBeLessThanOrEqual(Math.ceil(1.1 * Math.ceil(1_000 / LIMIT)));
      console.info(`shared budget: ${windows} windows, 429s answered ${answered429(fake)}`);
    },
  );
});

describe.concurrent('four processes without the store, and with Redis killed', () => {
  test(
    'without the store: the same run meets the 429s the store avoids',
    {
      timeout: 150_000,
    },
    async () => {
      await using fake = await startFake();

      const { summaries } = await runAll(fake, undefined);

      expect(answered429(fake)).toBeGreaterThan(0);
      for (const summary of summaries) expect(summary.succeeded + summary.failed).toBe(PER_WORKER);
      console.info(`no store: 429s answered ${answered429(fake)}`);
    },
  );

  test('Redis killed halfway: every item is accounted for', { timeout: 150_000 }, async () => {
    await using redis = await startRedisServer();
    await using fake = await startFake();

    const { batches, summaries } = await runAll(fake, redis.url, async () => {
      for (let poll = 0; poll < 1_200 && fake.requests.length < 500; poll += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await redis.kill();
    });

    for (const [worker, summary] of summaries.entries()) {
      expect(summary.indexes).toEqual(batches[worker]!.map((_, index) => index));
      expect(summary.succeeded + summary.failed).toBe(PER_WORKER);
    }
    expect(summaries.some((summary) => summary.faults > 0)).toBe(true);
    // Whatever failed was refused before it was applied, or applied once: none is lost.
    const closed = batches.flat().filter((id) => fake.conversations.get(id)?.state === 'closed');
    expect(closed.length).toBe(summaries.reduce((sum, summary) => sum + summary.succeeded, 0));
  });
});
