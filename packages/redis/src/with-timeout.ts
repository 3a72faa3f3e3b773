/**
 * What `withTimeout` rejects with when the time is up.
 *
 * @example
 * if (error instanceof CommandTimeout) console.error('Redis is slow');
 */
export class CommandTimeout extends Error {
  override name = 'CommandTimeout';
}

/**
 * The promise, or a `CommandTimeout` after `ms`; a late answer or failure is dropped.
 *
 * @example
 * await withTimeout(client.ping(), 1_000);
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandTimeout(`no answer within ${ms} ms`)), ms);
  });
  // A late answer or failure after the timeout is dropped, not left unhandled.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
