/**
 * Every error the tests of one file produced, for the token audit that runs after them.
 *
 * @example
 * const error = await collected(conversations.close(id, { adminId })).catch((e) => e);
 */
export const collectedErrors: unknown[] = [];

/** Records an error for the token audit and returns it. */
export function collect<T>(error: T): T {
  collectedErrors.push(error);
  return error;
}

/** Awaits a call that must fail, records its error, and returns it. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return collect(error);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
