import { performance } from 'node:perf_hooks';
import {
  createInProcessRateLimitStore,
  type RateLimitReservation,
  type RateLimitSlot,
  type RateLimitState,
  type RateLimitStore,
} from '@conversation-kit/conversations';
import { appKey } from './app-key.js';
import { clientOf } from './redis-client.js';
import { errorName, errorText, replyOf } from './script-reply.js';
import { CommandTimeout, withTimeout } from './with-timeout.js';
import { RATE_LIMIT_SCRIPT, RATE_LIMIT_SCRIPT_SHA } from './rate-limit-script.js';
import { RedisRateLimitStoreError, type RedisOperation } from './redis-rate-limit-store-error.js';
import type {
  RedisConnection,
  RedisRateLimitStoreOptions,
} from './redis-rate-limit-store-options.js';
import { checkedStoreOptions } from './redis-rate-limit-store-options.js';

// After a fault, calls pace in process (or fail) for this long before trying Redis again, so an
// outage costs one timeout a second rather than one per call.
const RETRY_REDIS_AFTER_MS = 1_000;
const LOCAL = 'local:';

/**
 * A rate-limit store in Redis, so that every process given one (with the same app) spends one
 * Intercom budget. Each decision is one atomic Lua script on Redis's clock; the keys name the app
 * by a truncated SHA-256 and expire with their window. When Redis fails, calls go on paced in
 * this process (the default) or fail with `RedisRateLimitStoreError`; none waits longer than
 * `commandTimeoutMs` on Redis.
 *
 * @example
 * const rateLimitStore = await createRedisRateLimitStore({ url: process.env.REDIS_URL! }, { token });
 * const conversations = createConversations({ token, rateLimitStore });
 * // … at shutdown
 * await rateLimitStore.close();
 */
export async function createRedisRateLimitStore(
  connection: RedisConnection,
  options: RedisRateLimitStoreOptions,
): Promise<RateLimitStore> {
  const settings = checkedStoreOptions(options);
  const { client, owned } = clientOf(connection);
  const base = `${settings.keyPrefix}{${appKey(settings.name)}}`;
  const keys = [`${base}:budget`, `${base}:in-flight`];
  const local = createInProcessRateLimitStore(settings.now ? { now: settings.now } : {});
  let state: RateLimitState | undefined;
  let redisDownUntil = Number.NEGATIVE_INFINITY;
  let lastFault: RedisRateLimitStoreError | undefined;

  const fault = (operation: RedisOperation, error: unknown): RedisRateLimitStoreError => {
    const timedOut = error instanceof CommandTimeout;
    const detail = timedOut
      ? `Redis did not answer within ${settings.commandTimeoutMs} ms`
      : `Redis failed (${errorName(error)})`;
    const storeError = new RedisRateLimitStoreError(
      operation,
      timedOut ? 'timeout' : 'error',
      detail,
      {
        cause: error,
      },
    );
    const wasUp = performance.now() >= redisDownUntil;
    redisDownUntil = performance.now() + RETRY_REDIS_AFTER_MS;
    lastFault = storeError;
    if (wasUp && settings.onRedisFault) {
      try {
        settings.onRedisFault({
          operation,
          reason: storeError.reason,
          message: detail,
          error,
          action: settings.whenRedisFails === 'fail' ? 'failed' : 'paced-in-process',
        });
      } catch {
        // The hook is the caller's; its failure must not break the call.
      }
    }
    return storeError;
  };

  const run = async (args: string[]): Promise<number[]> => {
    const call = { keys, arguments: args };
    const evaluated = (async () => {
      try {
        return await client.evalSha(RATE_LIMIT_SCRIPT_SHA, call);
      } catch (error) {
        // A restarted Redis has forgotten the script: send it whole once.
        if (!/NOSCRIPT/.test(errorText(error))) throw error;
        return client.eval(RATE_LIMIT_SCRIPT, call);
      }
    })();
    return replyOf(await withTimeout(evaluated, settings.commandTimeoutMs));
  };
  const nowArgument = (): string => (settings.now ? String(Math.floor(settings.now())) : '');
  const note = (reply: number[]): void => {
    const [, , , limit, remaining, resetAtMs] = reply as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (resetAtMs > 0) state = { limit, remaining, resetAt: new Date(resetAtMs) };
  };

  if (owned) {
    // node-redis reports each failed reconnection here; without a listener it would throw.
    owned.on('error', (error: unknown) => {
      if (performance.now() >= redisDownUntil) fault('connect', error);
    });
    try {
      await withTimeout(
        owned.connect().then(() => undefined),
        settings.commandTimeoutMs,
      );
    } catch (error) {
      // Unreachable now: calls pace in process (or fail) while the client keeps reconnecting.
      fault('connect', error);
    }
  }

  const inProcess = async (): Promise<RateLimitReservation> => {
    if (settings.whenRedisFails === 'fail') throw lastFault!;
    const reservation = await local.reserve();
    state = local.state ?? state;
    return reservation.granted
      ? { granted: true, slot: { id: `${LOCAL}${reservation.slot.id}` } }
      : reservation;
  };

  return {
    get state() {
      return state && { ...state, resetAt: new Date(state.resetAt) };
    },
    async reserve(): Promise<RateLimitReservation> {
      if (performance.now() < redisDownUntil) return inProcess();
      const id = crypto.randomUUID();
      try {
        const reply = await run(['reserve', nowArgument(), String(settings.inFlightTimeoutMs), id]);
        note(reply);
        if (reply[0] === 1) return { granted: true, slot: { id } };
        return { granted: false, waitMs: reply[1]!, untilAnswer: reply[2] === 1 };
      } catch (error) {
        fault('reserve', error);
        // A slow Redis may still take the slot: give it back right behind, on the same
        // connection, so it does not count until inFlightTimeoutMs.
        if (error instanceof CommandTimeout) {
          run(['settle', nowArgument(), String(settings.inFlightTimeoutMs), id]).catch(() => {});
        }
        return inProcess();
      }
    },
    async settle(slot: RateLimitSlot, reported: RateLimitState | undefined): Promise<void> {
      if (slot.id.startsWith(LOCAL)) {
        await local.settle({ id: slot.id.slice(LOCAL.length) }, reported);
        state = local.state ?? state;
        return;
      }
      const report = reported
        ? [String(reported.limit), String(reported.remaining), String(reported.resetAt.getTime())]
        : [];
      try {
        note(
          await run([
            'settle',
            nowArgument(),
            String(settings.inFlightTimeoutMs),
            slot.id,
            ...report,
          ]),
        );
      } catch (error) {
        // The slot stays counted until inFlightTimeoutMs; the call itself has its answer.
        fault('settle', error);
      }
    },
    async close(): Promise<void> {
      await local.close();
      if (!owned) return;
      try {
        if (owned.isOpen) await withTimeout(owned.close(), settings.commandTimeoutMs);
      } catch {
        owned.destroy();
      }
    },
  };
}
