/**
 * The script's answer as six finite numbers, or a `TypeError` when it is anything else (another
 * program's data at the same keys, say).
 *
 * @example
 * const [granted, waitMs] = replyOf(await client.evalSha(sha, call));
 */
export function replyOf(reply: unknown): number[] {
  if (
    !Array.isArray(reply) ||
    reply.length !== 6 ||
    !reply.every((value) => typeof value === 'number' && Number.isFinite(value))
  ) {
    throw new TypeError('The rate-limit script answered something other than six numbers');
  }
  return reply as number[];
}

/**
 * An error's message, or the value as text.
 *
 * @example
 * errorText(new Error('NOSCRIPT No matching script')); // 'NOSCRIPT No matching script'
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A short, safe name for an error: its code (such as `ECONNREFUSED`) or its class name, never its
 * message, which could hold an address or a password.
 *
 * @example
 * errorName(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' })); // 'ECONNREFUSED'
 */
export function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Z_]{2,32}$/.test(code)) return code;
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z]{1,40}$/.test(name) ? name : 'error';
}
