import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeIntercom, type FakeIntercom } from '@conversation-kit/testing';
import { startRedisServer } from '../../../packages/redis/src/test-support/redis-server.js';
import { printTable, round } from '../report/table.js';

const TOKEN = 'bench-shared-budget-token';
const ADMIN_ID = '991267';
const LIMIT = 50;
const WINDOW_SECONDS = 2;
const CALLS_PER_PROCESS = 100;
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** One run: processes sharing one app, with or without the Redis store. */
export interface SharedBudgetResult {
  processes: number;
  store: 'in-process' | 'redis';
  calls: number;
  succeeded: number;
  callsPerSecond: number;
  answered429: number;
}

function runWorker(fake: FakeIntercom, ids: string[], redisUrl: string | undefined) {
  return new Promise<{ succeeded: number; failed: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        FAKE_URL: fake.url,
        TOKEN,
        ADMIN_ID,
        IDS: JSON.stringify(ids),
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(
            JSON.parse(stdout.trim().split('\n').at(-1)!) as { succeeded: number; failed: number },
          )
        : reject(new Error(`bench worker exited ${code}`)),
    );
  });
}

async function run(processes: number, redisUrl: string | undefined): Promise<SharedBudgetResult> {
  await using fake = await startFakeIntercom({
    token: TOKEN,
    admins: [ADMIN_ID],
    rateLimit: { limit: LIMIT, windowSeconds: WINDOW_SECONDS },
    recording: { maxRequests: 20_000 },
  });
  const batches = Array.from({ length: processes }, () =>
    Array.from({ length: CALLS_PER_PROCESS }, () => fake.conversations.add({ state: 'open' }).id),
  );
  const start = process.hrtime.bigint();
  const summaries = await Promise.all(batches.map((ids) => runWorker(fake, ids, redisUrl)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const succeeded = summaries.reduce((sum, summary) => sum + summary.succeeded, 0);
  return {
    processes,
    store: redisUrl ? 'redis' : 'in-process',
    calls: processes * CALLS_PER_PROCESS,
    succeeded,
    callsPerSecond: succeeded / seconds,
    answered429: fake.requests.filter((request) => request.status === 429).length,
  };
}

/**
 * Several processes on one app allowing 50 requests per 2-s window: each process paced alone
 * (in-process store), then all through one Redis store on a local `redis-server`.
 *
 * @example
 * printSharedBudget(await measureSharedBudget());
 */
export async function measureSharedBudget(): Promise<SharedBudgetResult[]> {
  await using redis = await startRedisServer();
  const results: SharedBudgetResult[] = [];
  for (const processes of [1, 4]) {
    results.push(await run(processes, undefined));
    results.push(await run(processes, redis.url));
  }
  return results;
}

/**
 * Prints the shared-budget figures as a table.
 *
 * @example
 * printSharedBudget(results);
 */
export function printSharedBudget(results: readonly SharedBudgetResult[]): void {
  printTable(
    `7. Processes sharing one app at ${LIMIT} per ${WINDOW_SECONDS}-s window (ideal ${LIMIT / WINDOW_SECONDS} calls/s)`,
    ['processes', 'store', 'calls', 'succeeded', 'calls/s', '429s answered'],
    results.map((result) => [
      result.processes,
      result.store,
      result.calls,
      result.succeeded,
      round(result.callsPerSecond),
      result.answered429,
    ]),
  );
}
