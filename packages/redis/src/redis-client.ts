import { ValidationError } from '@conversation-kit/conversations';
import { createClient } from 'redis';
import { described, type RedisScriptClient } from './redis-rate-limit-store-options.js';

/**
 * A client the store opened itself, and so closes.
 *
 * @example
 * const { owned } = clientOf({ url: 'redis://127.0.0.1:6379' });
 */
export type OwnedClient = ReturnType<typeof createClient>;

/**
 * The client to run the script on: the one given, or one opened for the URL given, which fails
 * commands at once while it reconnects rather than queueing them.
 *
 * @example
 * const { client, owned } = clientOf({ url: process.env.REDIS_URL });
 */
export function clientOf(connection: unknown): { client: RedisScriptClient; owned?: OwnedClient } {
  if (typeof connection !== 'object' || connection === null) {
    throw new ValidationError(
      'connection',
      `is ${described(connection)}`,
      'an object: { url } or { client }',
    );
  }
  const own = (key: string): unknown =>
    Object.prototype.hasOwnProperty.call(connection, key)
      ? (connection as Record<string, unknown>)[key]
      : undefined;
  const url = own('url');
  const client = own('client');
  if (client !== undefined) {
    if (
      typeof client !== 'object' ||
      client === null ||
      typeof (client as RedisScriptClient).eval !== 'function' ||
      typeof (client as RedisScriptClient).evalSha !== 'function'
    ) {
      throw new ValidationError(
        'connection.client',
        `is ${described(client)}`,
        'a node-redis client',
      );
    }
    return { client: client as RedisScriptClient };
  }
  if (typeof url !== 'string' || !/^rediss?:\/\/./.test(url) || url.length > 2048) {
    throw new ValidationError(
      'connection.url',
      `is ${described(url)}`,
      'a URL such as redis://127.0.0.1:6379',
    );
  }
  const owned = createClient({
    url,
    // A call must not wait for a reconnection: while Redis is away, commands fail at once.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1_000),
    },
  });
  return { client: owned as unknown as RedisScriptClient, owned };
}
