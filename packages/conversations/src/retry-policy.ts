/**
 * Whether a failed attempt may be tried again: `safe` when it was not processed, `ambiguous` when
 * it may have been, `final` when trying again cannot help.
 *
 * @example
 * const retry: RetryClass = retryClassOfStatus(503); // 'safe'
 */
export type RetryClass = 'safe' | 'ambiguous' | 'final';

/**
 * What each status says about an attempt; every other non-2xx status is `final`. A 429 and a
 * 503 were refused before processing; a 500, 502 or 504 may have been processed.
 *
 * @example
 * statusRetry[502]; // 'ambiguous'
 */
export const statusRetry: Readonly<Record<number, RetryClass>> = Object.freeze({
  429: 'safe',
  503: 'safe',
  500: 'ambiguous',
  502: 'ambiguous',
  504: 'ambiguous',
});

/**
 * Error codes of a failure while connecting: the request never left, so it is `safe` to retry.
 * Any other network failure is `ambiguous`.
 *
 * @example
 * connectFailureCodes.has('ECONNREFUSED'); // true
 */
export const connectFailureCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The retry class of a non-2xx status.
 *
 * @example
 * retryClassOfStatus(404); // 'final'
 */
export function retryClassOfStatus(status: number): RetryClass {
  return statusRetry[status] ?? 'final';
}
