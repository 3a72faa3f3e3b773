import { ConversationsError } from '@conversation-kit/conversations';

/**
 * The Redis rate-limit store could not reach Redis, and was created with
 * `whenRedisFails: 'fail'`, so the call stopped before sending anything.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RedisRateLimitStoreError) console.error(`Redis is down (${error.operation}); nothing was sent`);
 * }
 */
export class RedisRateLimitStoreError extends ConversationsError {
  override name = 'RedisRateLimitStoreError';
  /** What the store was doing: taking a slot, giving one back, or connecting. */
  readonly operation: RedisOperation;
  /** Whether Redis did not answer in time, or answered with an error or not at all. */
  readonly reason: 'timeout' | 'error';

  constructor(
    operation: RedisOperation,
    reason: 'timeout' | 'error',
    detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(
      `The Redis rate-limit store could not ${verbs[operation]}: ${detail}. Nothing was sent.`,
      {
        mayHaveBeenApplied: false,
        cause: options.cause,
      },
    );
    this.operation = operation;
    this.reason = reason;
  }
}

/**
 * What the Redis store was doing when Redis failed.
 *
 * @example
 * const operation: RedisOperation = 'reserve';
 */
export type RedisOperation = 'connect' | 'reserve' | 'settle';

const verbs: Record<RedisOperation, string> = {
  connect: 'connect to Redis',
  reserve: 'take a rate-limit slot in Redis',
  settle: 'give a rate-limit slot back to Redis',
};
