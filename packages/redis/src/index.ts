export { createRedisRateLimitStore } from './create-redis-rate-limit-store.js';
export type {
  RedisConnection,
  RedisFaultEvent,
  RedisRateLimitStoreOptions,
  RedisScriptClient,
} from './redis-rate-limit-store-options.js';
export { RedisRateLimitStoreError, type RedisOperation } from './redis-rate-limit-store-error.js';
