// One worker process of the shared-budget tests: runs manageMany over the conversations it is
// given, through a Redis store when REDIS_URL is set, and prints a summary as one JSON line.
import { createConversations, type RateLimitStore } from '@conversation-kit/conversations';
import { createRedisRateLimitStore } from '../create-redis-rate-limit-store.js';

const { FAKE_URL, TOKEN, REDIS_URL, ADMIN_ID, IDS, START_AT } = process.env;
const ids = JSON.parse(IDS ?? '[]') as string[];
const faults: string[] = [];
const store: RateLimitStore | undefined = REDIS_URL
  ? await createRedisRateLimitStore(
      { url: REDIS_URL },
      { token: TOKEN!, commandTimeoutMs: 500, onRedisFault: (event) => faults.push(event.reason) },
    )
  : undefined;
const resets = new Set<number>();
const conversations = createConversations({
  token: TOKEN!,
  baseUrl: FAKE_URL!,
  ...(store ? { rateLimitStore: store } : {}),
  fetch: async (request: Request) => {
    const response = await fetch(request);
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (response.status === 200 && Number.isSafeInteger(reset)) resets.add(reset);
    return response;
  },
});
// All workers start together, at the start of a window, so the first window is a whole one.
await new Promise((resolve) =>
  setTimeout(resolve, Math.max(0, Number(START_AT ?? 0) - Date.now())),
);
const report = await conversations.manageMany(
  ids.map((id) => ({ id, action: { action: 'close' as const, adminId: ADMIN_ID! } })),
);
await store?.close();
process.stdout.write(
  `${JSON.stringify({
    succeeded: report.succeeded,
    failed: report.failed,
    indexes: report.outcomes.map((outcome) => outcome.index),
    errors: report.outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error.name])),
    resets: [...resets],
    faults: faults.length,
  })}\n`,
);
