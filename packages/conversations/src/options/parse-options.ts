import { defaultIntercomVersion, servers } from '@conversation-kit/fetch';
import type { ConversationsOptions } from '../conversations-options.js';
import { defaultSleep } from '../default-sleep.js';
import { ValidationError } from '../errors/validation-error.js';
import type { RateLimitStore } from '../rate-limit-store.js';
import { retryDefaults, type RetryOptions } from '../retry-defaults.js';
import { describeValue } from '../validation/describe-value.js';
import { ownFields } from '../validation/own-fields.js';

/** The options of `createConversations`, checked, with every default filled in. */
export interface Settings {
  /** Kept for the call path, which removes it from any text it keeps. */
  readonly token: string;
  /** The server, without a trailing slash. */
  readonly baseUrl: string;
  /** Every request's headers, built once per client. */
  readonly headers: Readonly<Record<string, string>>;
  /** A caller's `fetch`, which takes a `Request`; the global one is used when there is none. */
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  readonly timeoutMs: number;
  readonly retry: Readonly<Required<RetryOptions>>;
  readonly maxResponseBytes: number;
  readonly rateLimitStore: RateLimitStore | undefined;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
}

/** 16 MiB: a conversation with all of its 500 parts, each a long message, weighs a few MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

// Node's timers hold at most 2^31 - 1 ms; a longer wait would fire at once.
const LONGEST_TIMER_MS = 2_147_483_647;

const OPTION_NAMES = [
  'token',
  'region',
  'baseUrl',
  'fetch',
  'headers',
  'intercomVersion',
  'timeoutMs',
  'retry',
  'maxResponseBytes',
  'rateLimitStore',
  'now',
  'sleep',
  'random',
] as const satisfies readonly (keyof ConversationsOptions)[];

const RETRY_NAMES = Object.keys(retryDefaults) as (keyof RetryOptions)[];

// Headers that have options of their own (Authorization, Intercom-Version), or that the client
// and fetch decide.
const OWNED_HEADERS =
  /^(authorization|intercom-version|content-type|content-length|host|transfer-encoding)$/i;

const URL_EXPECTED = 'an http(s) URL such as "https://api.intercom.io"';

/**
 * Checks the options of `createConversations` in one pass, reading each own property once, and
 * fills in the defaults. Every problem is a `ValidationError` naming the option; no message
 * quotes a value, which could be the token pasted into the wrong field.
 *
 * @example
 * const settings = parseOptions({ token, region: 'eu', retry: 3 });
 * settings.retry.maxRetries; // 3
 */
export function parseOptions(options: unknown): Settings {
  const given = ownFields(options, 'options', 'an object such as { token }');
  for (const key of given.keys()) {
    if ((OPTION_NAMES as readonly string[]).includes(key)) continue;
    throw new ValidationError(
      key,
      key === 'maxRetries' ? 'is no longer an option' : 'is not an option',
      key === 'maxRetries'
        ? 'retry: N, or retry: { maxRetries: N }'
        : `one of ${OPTION_NAMES.join(', ')}`,
    );
  }
  const token = checkedToken(given.get('token'));
  return {
    token,
    baseUrl: baseUrlOf(given.get('baseUrl'), given.get('region')),
    headers: Object.freeze({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Intercom-Version': checkedVersion(given.get('intercomVersion')),
      ...checkedHeaders(given.get('headers')),
      Authorization: `Bearer ${token}`,
    }),
    fetch: optionalFunction(given.get('fetch'), 'fetch', 'a function like the global fetch'),
    timeoutMs: whole(given.get('timeoutMs'), 'timeoutMs', 1, LONGEST_TIMER_MS) ?? 30_000,
    retry: retryOf(given.get('retry')),
    maxResponseBytes:
      whole(given.get('maxResponseBytes'), 'maxResponseBytes', 1024, 2 ** 30) ??
      DEFAULT_MAX_RESPONSE_BYTES,
    rateLimitStore: rateLimitStoreOf(given.get('rateLimitStore')),
    now: optionalFunction(given.get('now'), 'now', 'a function, or nothing') ?? Date.now,
    sleep: optionalFunction(given.get('sleep'), 'sleep', 'a function, or nothing') ?? defaultSleep,
    random:
      optionalFunction(given.get('random'), 'random', 'a function, or nothing') ?? Math.random,
  };
}

function retryOf(retry: unknown): Readonly<Required<RetryOptions>> {
  if (retry === undefined) return retryDefaults;
  if (typeof retry === 'number') {
    return { ...retryDefaults, maxRetries: whole(retry, 'retry', 0, 100)! };
  }
  const fields = ownFields(
    retry,
    'retry',
    'a number of retries, or an object such as { maxRetries }',
  );
  for (const key of fields.keys()) {
    if (!(RETRY_NAMES as string[]).includes(key)) {
      throw new ValidationError(
        `retry.${key}`,
        'is not a retry setting',
        `one of ${RETRY_NAMES.join(', ')}`,
      );
    }
  }
  const flag = fields.get('retryMessagesAfterAmbiguousFailure');
  if (flag !== undefined && typeof flag !== 'boolean') {
    throw new ValidationError(
      'retry.retryMessagesAfterAmbiguousFailure',
      `is ${describeValue(flag)}`,
      'true or false',
    );
  }
  const number = (name: keyof RetryOptions, maximum: number): number =>
    whole(fields.get(name), `retry.${name}`, 0, maximum) ?? (retryDefaults[name] as number);
  return {
    maxRetries: number('maxRetries', 100),
    baseDelayMs: number('baseDelayMs', LONGEST_TIMER_MS),
    maxDelayMs: number('maxDelayMs', LONGEST_TIMER_MS),
    maxRateLimitWaitMs: number('maxRateLimitWaitMs', LONGEST_TIMER_MS),
    retryMessagesAfterAmbiguousFailure: flag ?? retryDefaults.retryMessagesAfterAmbiguousFailure,
  };
}

function whole(
  value: unknown,
  field: string,
  minimum: number,
  maximum: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > maximum
  ) {
    throw new ValidationError(
      field,
      `is ${describeValue(value)}`,
      `a whole number from ${minimum} to ${maximum}`,
    );
  }
  return value;
}

function optionalFunction<F>(value: unknown, field: string, expected: string): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function')
    throw new ValidationError(field, `is ${describeValue(value)}`, expected);
  return value as F;
}

function rateLimitStoreOf(store: unknown): RateLimitStore | undefined {
  if (store === undefined) return undefined;
  if (typeof store !== 'object' || store === null) {
    throw new ValidationError(
      'rateLimitStore',
      `is ${describeValue(store)}`,
      'a RateLimitStore, or nothing',
    );
  }
  return store as RateLimitStore;
}

// The token goes into a header, where only visible ASCII is safe: anything else would fail every
// request later, so it is refused now.
function checkedToken(token: unknown): string {
  if (typeof token !== 'string' || token.length === 0) {
    throw new ValidationError('token', `is ${describeValue(token)}`, 'your Intercom access token');
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ValidationError(
      'token',
      'holds spaces, line breaks or other characters a header cannot carry',
      'the bare access token, without "Bearer "',
    );
  }
  return token;
}

function checkedVersion(version: unknown): string {
  if (version === undefined) return defaultIntercomVersion;
  if (typeof version !== 'string' || !/^[\x21-\x7e]{1,32}$/.test(version)) {
    throw new ValidationError(
      'intercomVersion',
      `is ${describeValue(version)}`,
      'a version such as "2.12"',
    );
  }
  return version;
}

function checkedHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  const fields = ownFields(headers, 'headers', 'an object of header names to string values');
  const checked: Record<string, string> = {};
  for (const [name, value] of fields) {
    // A header name is shown only once it is known to be a plain token, never a pasted secret.
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/.test(name)) {
      throw new ValidationError(
        'headers',
        'has a name that is not a valid header name',
        'header names of letters, digits and - only',
      );
    }
    if (OWNED_HEADERS.test(name)) {
      throw new ValidationError(
        `headers.${name}`,
        'is set by the client',
        'another header; the token and intercomVersion options set theirs',
      );
    }
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw new ValidationError(
        `headers.${name}`,
        typeof value === 'string' ? 'holds a line break or NUL' : `is ${describeValue(value)}`,
        'a string on one line',
      );
    }
    checked[name] = value;
  }
  return checked;
}

function baseUrlOf(baseUrl: unknown, region: unknown): string {
  if (baseUrl !== undefined) {
    if (region !== undefined)
      throw new ValidationError('baseUrl', 'is given with region', 'region or baseUrl, not both');
    let url: URL | undefined;
    try {
      url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined;
    } catch {
      url = undefined;
    }
    if (url === undefined) {
      throw new ValidationError(
        'baseUrl',
        `is ${describeValue(baseUrl)}, not an absolute URL`,
        URL_EXPECTED,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ValidationError('baseUrl', 'uses neither http nor https', URL_EXPECTED);
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
      throw new ValidationError(
        'baseUrl',
        'holds credentials, a query or a fragment',
        'the server and path prefix only',
      );
    }
    return url.href.replace(/\/+$/, '');
  }
  if (region === undefined) return servers.us;
  if (typeof region !== 'string' || !Object.hasOwn(servers, region)) {
    throw new ValidationError(
      'region',
      `is ${describeValue(region)}, not a known region`,
      `one of ${Object.keys(servers)
        .map((name) => `"${name}"`)
        .join(', ')}`,
    );
  }
  return servers[region as keyof typeof servers];
}
