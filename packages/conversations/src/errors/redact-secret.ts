import { CUT_MARKER } from './bounded-text.js';

/** What stands where the secret was. */
export const REDACTED = '[redacted]';

// Bounds on what is kept of text and causes that came from the server or the transport.
const MAX_TEXT_CHARS = 4096;
const MAX_STACK_CHARS = 8192;
const MAX_CAUSE_DEPTH = 5;
const MAX_DATA_DEPTH = 4;
const MAX_AGGREGATED = 5;
// A cut excerpt can end in the start of the secret: that start is removed too, down to this many
// characters (shorter ones are too common to tell apart from ordinary text).
const MIN_CUT_PREFIX = 6;
// Longer secrets are matched only as they are, and their cut starts only exactly, to keep the
// patterns small.
const MAX_PATTERN_SECRET = 1024;
const MAX_CUT_PREFIX_SECRET = 256;

type Redact = (text: string, maxChars?: number) => string;

/**
 * Removes a secret (the access token) from an error before it reaches the caller: from its
 * message, stack and fields, and from its whole `cause` chain, which is replaced by plain copies
 * that keep each cause's name, message and code and leave out anything else a transport error
 * carries (such as undici's `data`, the raw bytes of a failed exchange). The secret is found as it
 * is, percent-encoded, split by whitespace, in base64, and cut short at the end of an excerpt.
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
  if (typeof thrown === 'string') return redact(thrown);
  if (typeof thrown !== 'object' || thrown === null) return thrown;
  return sanitizedInPlace(thrown, redact) ? thrown : plainCopy(thrown, redact, 0);
}

/** A function that removes the secret from a text, cut to a bound first. */
function redactorFor(secret: string): Redact {
  const pattern = secretPattern(secret);
  const cutPrefix = cutPrefixPattern(secret);
  return (text, maxChars = MAX_TEXT_CHARS) => {
    const bounded =
      text.length > maxChars ? `${text.slice(0, maxChars - CUT_MARKER.length)}${CUT_MARKER}` : text;
    const redacted = bounded.replace(pattern, REDACTED);
    return cutPrefix ? redacted.replace(cutPrefix, REDACTED) : withoutCutPrefix(redacted, secret);
  };
}

/** One character of the secret as it is, or percent-encoded. */
function characterPattern(char: string): string {
  const encoded = [...new TextEncoder().encode(char)]
    .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
    .join('');
  return `(?:${escaped(char)}|${encoded})`;
}

/**
 * A pattern for the secret as it is or with any of its characters percent-encoded, whitespace
 * allowed between characters (a line folded by the server), and its base64 forms. Case is ignored:
 * hex digits come in either case, and redacting a little more than needed is harmless.
 */
function secretPattern(secret: string): RegExp {
  const forms = new Set<string>();
  forms.add(
    secret.length <= MAX_PATTERN_SECRET
      ? [...secret].map(characterPattern).join('\\s*')
      : escaped(secret),
  );
  for (const text of [secret, `Bearer ${secret}`]) {
    const base64 = base64Of(text);
    if (base64 === undefined) continue;
    forms.add(escaped(base64));
    forms.add(escaped(base64.replace(/\+/g, '-').replace(/\//g, '_')));
  }
  forms.add(escaped(JSON.stringify(secret).slice(1, -1)));
  return new RegExp([...forms].join('|'), 'gi');
}

/**
 * A pattern for a start of the secret, in any of the forms `secretPattern` finds, that ends where
 * a text was cut (at `...` or at its very end), with what is left of a cut percent-escape. Each
 * further character is an optional group inside the one before, so one pass finds the longest.
 */
function cutPrefixPattern(secret: string): RegExp | undefined {
  const chars = [...secret];
  if (chars.length <= MIN_CUT_PREFIX || chars.length > MAX_CUT_PREFIX_SECRET) return undefined;
  const patterns = chars.slice(0, -1).map(characterPattern);
  const required = patterns.slice(0, MIN_CUT_PREFIX).join('\\s*');
  const optional = patterns
    .slice(MIN_CUT_PREFIX)
    .reduceRight((inner, char) => `(?:\\s*${char}${inner})?`, '');
  const marker = escaped(CUT_MARKER);
  return new RegExp(`${required}${optional}(?:\\s*%[0-9a-f]?)?(?=\\s*(?:${marker}|$))`, 'gi');
}

/** The base64 of a text, without padding, so it is found inside a longer base64 string too. */
function base64Of(text: string): string | undefined {
  try {
    return btoa(text).replace(/=+$/, '');
  } catch {
    // Characters beyond Latin-1: a token never has them.
    return undefined;
  }
}

function escaped(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** The text without an exact start of the secret just before a cut (`...`) or at its very end. */
function withoutCutPrefix(text: string, secret: string): string {
  if (secret.length <= MIN_CUT_PREFIX) return text;
  const ends: number[] = [];
  for (let at = text.indexOf(CUT_MARKER); at !== -1 && ends.length < 50;) {
    ends.push(at);
    at = text.indexOf(CUT_MARKER, at + CUT_MARKER.length);
  }
  ends.push(text.length);
  let result = text;
  // From the last end backwards, so earlier positions stay valid after a replacement.
  for (const end of ends.reverse()) {
    const longest = Math.min(secret.length - 1, end);
    for (let length = longest; length >= MIN_CUT_PREFIX; length -= 1) {
      if (result.startsWith(secret.slice(0, length), end - length)) {
        result = `${result.slice(0, end - length)}${REDACTED}${result.slice(end)}`;
        break;
      }
    }
  }
  return result;
}

/** Reads a property without letting a throwing getter or Proxy trap escape. */
function safeGet(target: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(target, key) as unknown;
  } catch {
    return undefined;
  }
}

function safeDefine(
  target: object,
  key: PropertyKey,
  value: unknown,
  enumerable: boolean,
): boolean {
  try {
    return Reflect.defineProperty(target, key, {
      value,
      writable: true,
      configurable: true,
      enumerable,
    });
  } catch {
    return false;
  }
}

function hasOwn(target: object, key: PropertyKey): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(target, key);
  } catch {
    return false;
  }
}

/**
 * Sanitizes one of this package's errors where it is, so its class and `instanceof` stay: its
 * message, stack and own fields, and its cause replaced by a plain copy. False when it could not.
 */
function sanitizedInPlace(error: object, redact: Redact): boolean {
  try {
    return error instanceof Error && sanitizedFields(error, redact);
  } catch {
    return false;
  }
}

function sanitizedFields(error: Error, redact: Redact): boolean {
  let ok = true;
  const message = safeGet(error, 'message');
  ok &&= safeDefine(error, 'message', typeof message === 'string' ? redact(message) : '', false);
  const stack = safeGet(error, 'stack');
  if (typeof stack === 'string') {
    ok &&= safeDefine(error, 'stack', redact(stack, MAX_STACK_CHARS), false);
  }
  for (const key of Object.keys(error)) {
    if (key === 'cause' || key === 'message' || key === 'stack') continue;
    const value = safeGet(error, key);
    const clean = sanitizedData(value, redact, 0);
    if (clean !== value) ok &&= safeDefine(error, key, clean, true);
  }
  if (hasOwn(error, 'cause')) {
    const cause = plainCopy(safeGet(error, 'cause'), redact, 1);
    ok &&= safeDefine(error, 'cause', cause, false);
  }
  return ok;
}

/**
 * The fields of an error, as data: strings redacted, arrays and plain objects copied when
 * something in them changed, anything else kept.
 */
function sanitizedData(value: unknown, redact: Redact, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DATA_DEPTH) return value;
  if (Array.isArray(value)) {
    const copy = value.map((item: unknown) => sanitizedData(item, redact, depth + 1));
    return copy.some((item, index) => item !== value[index]) ? copy : value;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = safeGet(value, key);
    copy[key] = sanitizedData(item, redact, depth + 1);
    changed ||= copy[key] !== item;
  }
  return changed ? copy : value;
}

/**
 * A plain `Error` standing for a cause: its name, message, code and stack, redacted, and its own
 * cause the same way, to a bounded depth. Everything else is left out.
 */
function plainCopy(value: unknown, redact: Redact, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_CAUSE_DEPTH) return undefined;
  const name = safeGet(value, 'name');
  const message = safeGet(value, 'message');
  const code = safeGet(value, 'code');
  const stack = safeGet(value, 'stack');
  const copy = new Error(typeof message === 'string' ? redact(message) : '');
  safeDefine(copy, 'name', typeof name === 'string' ? redact(name, 200) : 'Error', false);
  if (typeof code === 'string' || typeof code === 'number') {
    safeDefine(copy, 'code', typeof code === 'string' ? redact(code, 200) : code, true);
  }
  safeDefine(
    copy,
    'stack',
    typeof stack === 'string' ? redact(stack, MAX_STACK_CHARS) : `${copy.name}: ${copy.message}`,
    false,
  );
  const errors = safeGet(value, 'errors');
  if (Array.isArray(errors)) {
    const copies: unknown[] = [];
    for (let index = 0; index < MAX_AGGREGATED; index += 1) {
      if (!hasOwn(errors, index)) break;
      copies.push(plainCopy(safeGet(errors, index), redact, depth + 1));
    }
    safeDefine(copy, 'errors', copies, true);
  }
  if (hasOwn(value, 'cause')) {
    safeDefine(copy, 'cause', plainCopy(safeGet(value, 'cause'), redact, depth + 1), false);
  }
  return copy;
}
