import { createHash } from 'node:crypto';

/**
 * The part of the Redis keys that names one Intercom app: the first 16 hex digits (64 bits) of
 * the SHA-256 of the app id, or of the token when no app id is given. Neither the token nor its
 * full hash is ever sent to Redis.
 *
 * @example
 * appKey({ appId: 'acme-eu' }); // 'app:3b1f…' (16 hex digits)
 */
export function appKey(names: { appId?: string | undefined; token?: string | undefined }): string {
  const [kind, name] = names.appId === undefined ? ['token', names.token!] : ['app', names.appId];
  const digest = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 16);
  return `${kind}:${digest}`;
}
