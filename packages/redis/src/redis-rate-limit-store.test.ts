import { createHash, randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import {
  ConversationsError,
  createConversations,
  ValidationError,
  type RateLimitStore,
} from '@conversation-kit/conversations';
import { startFakeIntercom } from '@conversation-kit/testing';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  runStoreCase,
  STORE_CASES,
  T0,
} from '../../conversations/src/test-support/rate-limit-store-cases.js';
import { createRedisRateLimitStore } from './create-redis-rate-limit-store.js';
import type { RedisFaultEvent } from './redis-rate-limit-store-options.js';
import { RedisRateLimitStoreError } from './redis-rate-limit-store-error.js';
import { startRedisServer, type RedisServer } from './test-support/redis-server.js';

const TOKEN = 'tok_redis_store_5e1d_never_in_redis';
const TOKEN_SHA256 = createHash('sha256').update(TOKEN).digest('hex');

let redis: RedisServer;
let admin: ReturnType<typeof createClient>;

beforeAll(async () => {
  redis = await startRedisServer();
  admin = createClient({ url: redis.url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.close();
  await redis?.stop();
});

const prefix = (): string => `test:${randomUUID()}:`;

async function granted(store: RateLimitStore) {
  const reservation = await store.reserve();
  if (!reservation.granted)
    throw new Error(`expected a grant, got a wait of ${reservation.waitMs}`);
  return reservation.slot;
}

describe('the Redis store follows the shared rules, in one Lua script', () => {
  test.each(STORE_CASES.map((storeCase) => [storeCase.name, storeCase] as const))(
    '%s',
    async (_name, storeCase) => {
      await runStoreCase(
        (now) =>
          createRedisRateLimitStore(
            { url: redis.url },
            { appId: 'rules', keyPrefix: prefix(), now },
          ),
        storeCase,
      );
    },
  );
});

test('two stores on the same keys share one budget', async () => {
  const keyPrefix = prefix();
  const options = { token: TOKEN, keyPrefix, now: () => T0 };
  const one = await createRedisRateLimitStore({ url: redis.url }, options);
  const two = await createRedisRateLimitStore({ url: redis.url }, options);
  try {
    await one.settle(await granted(one), { limit: 4, remaining: 3, resetAt: new Date(T0 + 1_000) });
    await granted(two);
    await granted(one);
    await granted(two);
    expect(await one.reserve()).toMatchObject({ granted: false, waitMs: 1_000 });
    expect(await two.reserve()).toMatchObject({ granted: false, waitMs: 1_000 });
    expect(two.state).toEqual({ limit: 4, remaining: 3, resetAt: new Date(T0 + 1_000) });
  } finally {
    await one.close();
    await two.close();
  }
});

test('neither the token nor its full hash reaches Redis, and every key expires', async () => {
  const keyPrefix = prefix();
  const store = await createRedisRateLimitStore({ url: redis.url }, { token: TOKEN, keyPrefix });
  try {
    const slot = await granted(store);
    await store.settle(slot, {
      limit: 100,
      remaining: 99,
      resetAt: new Date(Math.ceil(Date.now() / 1000) * 1000 + 10_000),
    });
    await granted(store);

    const keys = await admin.keys('*');
    const ours = keys.filter((key) => key.startsWith(keyPrefix));
    expect(ours).toHaveLength(2);
    for (const key of keys) {
      expect(key).not.toContain(TOKEN);
      expect(key).not.toContain(TOKEN_SHA256);
      const dumped = await admin.dump(key);
      const type = await admin.type(key);
      const contents =
        type === 'hash'
          ? JSON.stringify(await admin.hGetAll(key))
          : JSON.stringify(await admin.zRangeWithScores(key, 0, -1));
      for (const text of [String(dumped), contents]) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(TOKEN_SHA256);
      }
    }
    for (const key of ours) {
      const ttl = await admin.pTTL(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120_000);
    }
  } finally {
    await store.close();
  }
});

describe('when Redis fails', () => {
  test('unreachable: calls are paced in process, the hook says so, nothing hangs', async () => {
    const down = await startRedisServer();
    await down.kill();
    const events: RedisFaultEvent[] = [];
    const store = await createRedisRateLimitStore(
      { url: down.url },
      { appId: 'down', onRedisFault: (event) => events.push(event), commandTimeoutMs: 300 },
    );
    try {
      // The in-process rules: four go before the first answer, the fifth waits for one.
      const slot = await granted(store);
      for (let more = 0; more < 3; more += 1) await granted(store);
      expect(await store.reserve()).toMatchObject({ granted: false, untilAnswer: true });
      await store.settle(slot, { limit: 10, remaining: 9, resetAt: new Date(Date.now() + 5_000) });
      await granted(store);
      expect(events.length).toBeGreaterThan(0);
      expect(events[0]).toMatchObject({ action: 'paced-in-process' });
      for (const event of events) expect(event.message).not.toContain(String(down.port));
    } finally {
      await store.close();
    }
  });

  test("with whenRedisFails: 'fail', a call fails with RedisRateLimitStoreError, sending nothing", async () => {
    const down = await startRedisServer();
    await down.kill();
    const events: RedisFaultEvent[] = [];
    const store = await createRedisRateLimitStore(
      { url: down.url },
      {
        token: TOKEN,
        whenRedisFails: 'fail',
        onRedisFault: (event) => {
          events.push(event);
          throw new Error('a hook that throws changes nothing');
        },
        commandTimeoutMs: 300,
      },
    );
    try {
      const error = await store.reserve().then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(RedisRateLimitStoreError);
      expect(error).toBeInstanceOf(ConversationsError);
      expect(error).toMatchObject({ name: 'RedisRateLimitStoreError', mayHaveBeenApplied: false });
      expect((error as Error).message).toContain('Nothing was sent');
      for (const form of [String(error), JSON.stringify(error), inspect(error, { depth: 5 })]) {
        expect(form).not.toContain(TOKEN);
      }
      expect(events[0]).toMatchObject({ action: 'failed' });
    } finally {
      await store.close();
    }
  });

  test('slow: a command past commandTimeoutMs falls back, and the store uses Redis again later', async () => {
    const events: RedisFaultEvent[] = [];
    const keyPrefix = prefix();
    const store = await createRedisRateLimitStore(
      { url: redis.url },
      {
        appId: 'slow',
        keyPrefix,
        onRedisFault: (event) => events.push(event),
        commandTimeoutMs: 200,
      },
    );
    const sleeper = createClient({ url: redis.url });
    await sleeper.connect();
    try {
      const asleep = sleeper.sendCommand(['DEBUG', 'SLEEP', '1.5']);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await granted(store);
      expect(events).toMatchObject([{ operation: 'reserve', reason: 'timeout' }]);
      await asleep;
      // Once the fault has aged, calls go to Redis again: its keys appear.
      for (let attempt = 0; attempt < 40; attempt += 1) {
        await store.settle(await granted(store), undefined);
        if ((await admin.keys(`${keyPrefix}*`)).length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await admin.keys(`${keyPrefix}*`)).length).toBeGreaterThan(0);
    } finally {
      await sleeper.close();
      await store.close();
    }
  });

  test('restarted: the script is loaded again and the budget starts over', async () => {
    const own = await startRedisServer();
    const events: RedisFaultEvent[] = [];
    const store = await createRedisRateLimitStore(
      { url: own.url },
      { appId: 'restart', onRedisFault: (event) => events.push(event), commandTimeoutMs: 300 },
    );
    try {
      await store.settle(await granted(store), {
        limit: 5,
        remaining: 4,
        resetAt: new Date(Date.now() + 5_000),
      });
      await own.restart();
      let reachedRedis = false;
      for (let attempt = 0; attempt < 50 && !reachedRedis; attempt += 1) {
        await store.settle(await granted(store), undefined);
        const probe = createClient({ url: own.url });
        await probe.connect();
        reachedRedis = (await probe.keys('*')).length > 0;
        await probe.close();
        if (!reachedRedis) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(reachedRedis).toBe(true);
      expect(events.length).toBeGreaterThan(0);
    } finally {
      await store.close();
      await own.stop();
    }
  });
});

describe('options', () => {
  test.each([
    ['no app name', { url: 'redis://127.0.0.1:1' }, {}, 'options.appId'],
    ['a token as the URL', { url: TOKEN }, { appId: 'a' }, 'connection.url'],
    [
      'a token as the key prefix',
      { url: 'redis://127.0.0.1:1' },
      { appId: 'a', keyPrefix: 42 },
      'options.keyPrefix',
    ],
    [
      'an unknown fallback',
      { url: 'redis://127.0.0.1:1' },
      { appId: 'a', whenRedisFails: TOKEN },
      'options.whenRedisFails',
    ],
    [
      'a fractional timeout',
      { url: 'redis://127.0.0.1:1' },
      { appId: 'a', commandTimeoutMs: 1.5 },
      'options.commandTimeoutMs',
    ],
    ['a client without eval', { client: {} }, { appId: 'a' }, 'connection.client'],
  ])(
    '%s is a ValidationError naming the field, quoting nothing',
    async (_name, connection, options, field) => {
      const error = await createRedisRateLimitStore(connection as never, options as never).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field });
      expect(String(error)).not.toContain(TOKEN);
    },
  );

  test('a client given is used, and left open by close()', async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    const store = await createRedisRateLimitStore(
      { client },
      { appId: 'given', keyPrefix: prefix() },
    );
    await granted(store);
    await store.close();
    expect(client.isOpen).toBe(true);
    expect(await client.ping()).toBe('PONG');
    await client.close();
  });
});

describe('through createConversations', () => {
  test("Redis down with whenRedisFails: 'fail': every item of manageMany fails typed, nothing sent", async () => {
    const down = await startRedisServer();
    await down.kill();
    await using fake = await startFakeIntercom({ token: TOKEN, admins: ['991267'] });
    const rateLimitStore = await createRedisRateLimitStore(
      { url: down.url },
      { token: TOKEN, whenRedisFails: 'fail', commandTimeoutMs: 200 },
    );
    try {
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: fake.url,
        rateLimitStore,
      });
      const ids = Array.from({ length: 5 }, () => fake.conversations.add({ state: 'open' }).id);

      const report = await conversations.manageMany(
        ids.map((id) => ({ id, action: { action: 'close', adminId: '991267' } })),
      );

      expect(report).toMatchObject({ succeeded: 0, failed: 5 });
      expect(report.outcomes.map((outcome) => outcome.index)).toEqual([0, 1, 2, 3, 4]);
      for (const outcome of report.outcomes) {
        expect(outcome.ok).toBe(false);
        if (outcome.ok) continue;
        expect(outcome.error).toBeInstanceOf(RedisRateLimitStoreError);
        expect(outcome.error.mayHaveBeenApplied).toBe(false);
        expect(inspect(outcome.error, { depth: 5 })).not.toContain(TOKEN);
      }
      expect(fake.requests).toHaveLength(0);
    } finally {
      await rateLimitStore.close();
    }
  });

  test('two clients on one store, at 20 per 1-s window: 120 closes and no 429', async () => {
    await using fake = await startFakeIntercom({
      token: TOKEN,
      admins: ['991267'],
      rateLimit: { limit: 20, windowSeconds: 1 },
    });
    const options = { token: TOKEN, keyPrefix: prefix() };
    const stores = [
      await createRedisRateLimitStore({ url: redis.url }, options),
      await createRedisRateLimitStore({ url: redis.url }, options),
    ];
    try {
      const reports = await Promise.all(
        stores.map((rateLimitStore) => {
          const conversations = createConversations({
            token: TOKEN,
            baseUrl: fake.url,
            rateLimitStore,
          });
          const items = Array.from({ length: 60 }, () => ({
            id: fake.conversations.add({ state: 'open' }).id,
            action: { action: 'close' as const, adminId: '991267' },
          }));
          return conversations.manageMany(items, { concurrency: 16 });
        }),
      );
      expect(reports.map((report) => report.succeeded)).toEqual([60, 60]);
      expect(fake.requests.filter((request) => request.status === 429)).toHaveLength(0);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
