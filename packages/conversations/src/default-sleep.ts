import { AbortError } from './errors/abort-error.js';

/**
 * Waits `ms` milliseconds, or rejects with `AbortError` as soon as the signal aborts.
 *
 * @example
 * await defaultSleep(500, signal);
 */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted)
      return reject(new AbortError('The call was aborted.', { cause: signal.reason }));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError('The call was aborted.', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
