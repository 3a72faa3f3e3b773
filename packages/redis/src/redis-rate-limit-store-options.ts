import { ValidationError } from '@conversation-kit/conversations';
import type { RedisOperation } from './redis-rate-limit-store-error.js';

/**
 * What a Redis client must offer the store: node-redis (`redis`, version 5) clients do.
 *
 * @example
 * const client: RedisScriptClient = createClient({ url: process.env.REDIS_URL });
 */
export interface RedisScriptClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * Where Redis is: a URL for a connection the store opens (and closes), or a node-redis client you
 * opened and close yourself.
 *
 * @example
 * const connection: RedisConnection = { url: 'redis://127.0.0.1:6379' };
 */
export type RedisConnection = { url: string } | { client: RedisScriptClient };

/**
 * A fault of Redis, as `onRedisFault` receives it: what failed, why, and what the store did.
 *
 * @example
 * onRedisFault: (event) => logger.warn(`rate-limit store: ${event.message} (${event.action})`)
 */
export interface RedisFaultEvent {
  operation: RedisOperation;
  reason: 'timeout' | 'error';
  /** A description of the fault; it holds no URL, password or token. */
  message: string;
  /** The error from the Redis client or the timer. */
  error: unknown;
  /** `paced-in-process`: the call went on, paced in this process alone; `failed`: it failed. */
  action: 'paced-in-process' | 'failed';
}

/**
 * How the Redis store names its keys and behaves when Redis fails.
 *
 * @example
 * const options: RedisRateLimitStoreOptions = { appId: 'acme-eu', whenRedisFails: 'fail' };
 */
export interface RedisRateLimitStoreOptions {
  /** Names the Intercom app in the keys (hashed); give this or `token`. */
  appId?: string;
  /** The app's access token, used only to name the app: its truncated SHA-256 is in the keys. */
  token?: string;
  /** The start of every key (default `conversation-kit:rate-limit:`). */
  keyPrefix?: string;
  /**
   * What a call does while Redis is unreachable, slow or restarting: `pace-in-process` (default)
   * paces this process alone until Redis answers again; `fail` rejects with
   * `RedisRateLimitStoreError`, sending nothing.
   */
  whenRedisFails?: 'pace-in-process' | 'fail';
  /** Told about each fault (at most one a second); what it throws is ignored. */
  onRedisFault?: (event: RedisFaultEvent) => void;
  /** How long one Redis command may take before it counts as a fault (default 1,000 ms). */
  commandTimeoutMs?: number;
  /**
   * How long a slot may stay in flight before it stops counting, for processes that died
   * mid-request (default 120,000 ms; keep it above `timeoutMs` of the clients).
   */
  inFlightTimeoutMs?: number;
  /** The clock the rules run on, in ms; for tests (default: Redis's `TIME`, shared by all). */
  now?: () => number;
}

/** The options once checked, defaults filled in. */
export interface RedisStoreSettings {
  name: { appId?: string | undefined; token?: string | undefined };
  keyPrefix: string;
  whenRedisFails: 'pace-in-process' | 'fail';
  onRedisFault: ((event: RedisFaultEvent) => void) | undefined;
  commandTimeoutMs: number;
  inFlightTimeoutMs: number;
  now: (() => number) | undefined;
}

/**
 * Checks the options, each read once, and fills in the defaults; a bad one is a
 * `ValidationError` that describes the value without quoting it.
 *
 * @example
 * const settings = checkedStoreOptions({ appId: 'acme' });
 */
export function checkedStoreOptions(options: unknown): RedisStoreSettings {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError('options', `is ${described(options)}`, 'an object such as { appId }');
  }
  const read = (key: string): unknown =>
    Object.prototype.hasOwnProperty.call(options, key)
      ? (options as Record<string, unknown>)[key]
      : undefined;
  const appId = read('appId');
  const token = read('token');
  for (const [field, value] of [
    ['options.appId', appId],
    ['options.token', token],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > 4096)) {
      throw new ValidationError(field, `is ${described(value)}`, 'a non-empty string');
    }
  }
  if (appId === undefined && token === undefined) {
    throw new ValidationError(
      'options.appId',
      'is missing',
      'an appId or the token, to name the app',
    );
  }
  const keyPrefix = read('keyPrefix') ?? 'conversation-kit:rate-limit:';
  if (typeof keyPrefix !== 'string' || keyPrefix.length > 200) {
    throw new ValidationError(
      'options.keyPrefix',
      `is ${described(keyPrefix)}`,
      'a string of at most 200 characters',
    );
  }
  const whenRedisFails = read('whenRedisFails') ?? 'pace-in-process';
  if (whenRedisFails !== 'pace-in-process' && whenRedisFails !== 'fail') {
    throw new ValidationError(
      'options.whenRedisFails',
      `is ${described(whenRedisFails)}`,
      "'pace-in-process' or 'fail'",
    );
  }
  const onRedisFault = read('onRedisFault');
  const now = read('now');
  for (const [field, value] of [
    ['options.onRedisFault', onRedisFault],
    ['options.now', now],
  ] as const) {
    if (value !== undefined && typeof value !== 'function') {
      throw new ValidationError(field, `is ${described(value)}`, 'a function, or nothing');
    }
  }
  return {
    name: { appId: appId as string | undefined, token: token as string | undefined },
    keyPrefix,
    whenRedisFails,
    onRedisFault: onRedisFault as RedisStoreSettings['onRedisFault'],
    commandTimeoutMs: whole(
      'options.commandTimeoutMs',
      read('commandTimeoutMs') ?? 1_000,
      1,
      60_000,
    ),
    inFlightTimeoutMs: whole(
      'options.inFlightTimeoutMs',
      read('inFlightTimeoutMs') ?? 120_000,
      1_000,
      2_147_483_647,
    ),
    now: now as (() => number) | undefined,
  };
}

function whole(field: string, value: unknown, minimum: number, maximum: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > maximum
  ) {
    throw new ValidationError(
      field,
      `is ${described(value)}`,
      `a whole number from ${minimum} to ${maximum}`,
    );
  }
  return value;
}

/**
 * A value described without quoting it, so a token pasted in the wrong place is never printed.
 *
 * @example
 * described('tok_…'); // 'a string of 40 characters'
 */
export function described(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? 'an object'
    : `${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`;
}
