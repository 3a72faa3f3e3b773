// One process of the shared-budget bench: closes the conversations it is given with manageMany,
// through the Redis store when REDIS_URL is set, and prints its counts as one JSON line.
import { createConversations } from '@conversation-kit/conversations';
import { createRedisRateLimitStore } from '@conversation-kit/redis';

const { FAKE_URL, TOKEN, REDIS_URL, ADMIN_ID, IDS } = process.env;
const ids = JSON.parse(IDS ?? '[]') as string[];
const store = REDIS_URL
  ? await createRedisRateLimitStore({ url: REDIS_URL }, { token: TOKEN! })
  : undefined;
const conversations = createConversations({
  token: TOKEN!,
  baseUrl: FAKE_URL!,
  ...(store ? { rateLimitStore: store } : {}),
});
const report = await conversations.manageMany(
  ids.map((id) => ({ id, action: { action: 'close' as const, adminId: ADMIN_ID! } })),
);
await store?.close();
process.stdout.write(`${JSON.stringify({ succeeded: report.succeeded, failed: report.failed })}\n`);
