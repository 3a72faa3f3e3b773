/**
 * Whether a `Content-Type` names JSON: `application/json`, in any case, with any parameters
 * (RFC 9110 §8.3.1: type and subtype are case-insensitive; `charset` has no meaning for JSON, which
 * is UTF-8 by RFC 8259 §8.1).
 *
 * @example
 * isJsonMediaType('Application/JSON; charset=utf-8'); // true
 * isJsonMediaType('text/plain'); // false
 */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
