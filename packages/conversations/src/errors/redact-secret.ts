import { CUT_MARKER } from './bounded-text.js';

/**
 * What stands where the secret was.
 *
 * @example
 * error.message; // 'Intercom answered 401: unauthorized: Token [redacted] is invalid.'
 */
export const REDACTED = '[redacted]';

// Bounds on what is kept of text and causes that came from the server or the transport.
const MAX_TEXT_CHARS = 8192;
const MAX_CAUSE_DEPTH = 5;
// A cut excerpt can end in the start of the secret: that start is removed too, down to this many
// characters (shorter ones are too common to tell apart from ordinary text).
const MIN_CUT_PREFIX = 6;
// Longer secrets are matched as they are, to keep the pattern small.
const MAX_PATTERN_SECRET = 256;

type Redact = (text: string) => string;

/**
 * Removes a secret (the access token) from an error before it reaches the caller: from its
 * message, stack and fields, and from its whole `cause` chain, which is replaced by plain copies
 * that keep each cause's name, message and code and leave out anything else a transport error
 * carries (such as undici's `data`, the raw bytes of a failed exchange). The secret is found as it
 * is, percent-encoded, folded over lines, in base64, and cut short at the end of an excerpt.
 * Getters that throw are read safely; text and depth are bounded.
 *
 * @example
 * promise.catch((error: unknown) => {
 *   throw redactSecret(error, token);
 * });
 */
export function redactSecret(thrown: unknown, secret: unknown): unknown {
  if (typeof secret !== 'string' || secret === '') return thrown;
  const redact = redactorFor(secret);
  if (typeof thrown !== 'object' || thrown === null) return plainCopy(thrown, redact, 0);
  try {
    // One of this package's errors keeps its class, so `instanceof` still works.
    if (thrown instanceof Error) return sanitizedInPlace(thrown, redact);
  } catch {
    // Frozen, or hostile: a plain copy stands for it.
  }
  return plainCopy(thrown, redact, 0);
}

/**
 * A function that removes the secret from a text, cut to a bound first: the secret as it is or
 * with any character percent-encoded, whitespace allowed between characters (a line folded by the
 * server), its base64, and a start of it where a text was cut (at `...` or at its end). Case is
 * ignored: hex digits come in either case, and redacting a little more than needed is harmless.
 */
function redactorFor(secret: string): Redact {
  const chars = [...secret].map((char) => {
    const encoded = [...new TextEncoder().encode(char)]
      .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
      .join('');
    return `(?:${escaped(char)}|${encoded})`;
  });
  const long = chars.length > MAX_PATTERN_SECRET;
  const whole = long ? escaped(secret) : chars.join('\\s*');
  let base64 = '';
  try {
    base64 = `|${escaped(btoa(secret).replace(/=+$/, ''))}`;
  } catch {
    // Characters beyond Latin-1: a token never has them.
  }
  // Each further character is an optional group inside the one before, so one pass finds the
  // longest start of the secret that ends at a cut.
  const cut =
    long || chars.length <= MIN_CUT_PREFIX
      ? ''
      : `|${chars.slice(0, MIN_CUT_PREFIX).join('\\s*')}${chars
          .slice(MIN_CUT_PREFIX, -1)
          .reduceRight(
            (inner, char) => `(?:\\s*${char}${inner})?`,
            '',
          )}(?:\\s*%[0-9a-f]?)?(?=\\s*(?:${escaped(CUT_MARKER)}|$))`;
  const pattern = new RegExp(`${whole}${base64}${cut}`, 'gi');
  return (text) =>
    (text.length > MAX_TEXT_CHARS
      ? `${text.slice(0, MAX_TEXT_CHARS - CUT_MARKER.length)}${CUT_MARKER}`
      : text
    ).replace(pattern, REDACTED);
}

function escaped(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Reads a property without letting a throwing getter or Proxy trap escape. */
function safeGet(target: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(target, key) as unknown;
  } catch {
    return undefined;
  }
}

/** Sets a property as an error's own, or throws when the error does not allow it. */
function define(target: object, key: PropertyKey, value: unknown, enumerable = false): void {
  if (
    !Reflect.defineProperty(target, key, { value, writable: true, configurable: true, enumerable })
  )
    throw new TypeError(`cannot set ${String(key)}`);
}

/**
 * The error itself, sanitized: message, stack and own fields (text redacted, arrays and plain
 * objects copied), and its cause replaced by a plain copy.
 */
function sanitizedInPlace(error: Error, redact: Redact): Error {
  const hasCause = Object.hasOwn(error, 'cause');
  for (const key of ['message', 'stack', ...Object.keys(error)]) {
    const value = safeGet(error, key);
    const clean = key === 'cause' ? value : sanitizedData(value, redact, 0);
    if (clean !== value || key === 'message')
      define(error, key, clean, key !== 'message' && key !== 'stack');
  }
  if (hasCause) define(error, 'cause', plainCopy(safeGet(error, 'cause'), redact, 1));
  return error;
}

/** Data kept on an error: text redacted; arrays and plain objects copied; anything else kept. */
function sanitizedData(value: unknown, redact: Redact, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null || depth > 3) return value;
  if (Array.isArray(value)) return value.map((item) => sanitizedData(item, redact, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, sanitizedData(item, redact, depth + 1)]),
  );
}

/**
 * A plain `Error` standing for a cause: its name, message, code and stack, redacted, and its own
 * cause the same way, to a bounded depth. Everything else is left out.
 */
function plainCopy(value: unknown, redact: Redact, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_CAUSE_DEPTH) return undefined;
  const text = (key: string): string | undefined => {
    const found = safeGet(value, key);
    return typeof found === 'string' ? redact(found) : undefined;
  };
  const copy = new Error(text('message') ?? '');
  const code = safeGet(value, 'code');
  define(copy, 'name', text('name') ?? 'Error');
  define(copy, 'stack', text('stack') ?? `${copy.name}: ${copy.message}`);
  if (typeof code === 'string' || typeof code === 'number') {
    define(copy, 'code', typeof code === 'string' ? redact(code) : code, true);
  }
  let hasCause = false;
  try {
    hasCause = Object.hasOwn(value, 'cause');
  } catch {
    // A Proxy that throws: its cause is left out.
  }
  if (hasCause) define(copy, 'cause', plainCopy(safeGet(value, 'cause'), redact, depth + 1));
  return copy;
}
