import { describe, expect, it } from 'vitest';
import { rateLimitFrom, readRateLimit } from './rate-limit-state.js';
import { waitForRateLimit } from './retry-after.js';

const NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0);
const NOW_SECONDS = NOW_MS / 1000;

const headers = (entries: Record<string, string>): Headers => new Headers(entries);

describe('rateLimitFrom', () => {
  it('reads X-RateLimit-Limit, -Remaining and -Reset (Unix seconds)', () => {
    expect(
      rateLimitFrom(
        headers({
          'X-RateLimit-Limit': '1666',
          'X-RateLimit-Remaining': '1665',
          'X-RateLimit-Reset': String(NOW_SECONDS + 10),
        }),
      ),
    ).toStrictEqual({
      limit: 1666,
      remaining: 1665,
      resetAt: new Date(NOW_MS + 10_000),
    });
  });

  it('reads the headers whatever their case, and a remaining of 0', () => {
    expect(
      rateLimitFrom(
        headers({
          'x-ratelimit-limit': '5',
          'X-RATELIMIT-REMAINING': '0',
          'x-RateLimit-reset': String(NOW_SECONDS),
        }),
      ),
    ).toStrictEqual({ limit: 5, remaining: 0, resetAt: new Date(NOW_MS) });
  });

  it.each([
    ['no headers', {}],
    ['no limit', { 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': String(NOW_SECONDS) }],
    ['no remaining', { 'X-RateLimit-Limit': '5', 'X-RateLimit-Reset': String(NOW_SECONDS) }],
    ['no reset', { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '1' }],
    [
      'a reset that is not a number',
      { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': 'soon' },
    ],
    [
      'a limit that is not a number',
      { 'X-RateLimit-Limit': 'many', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '1' },
    ],
    [
      'a remaining of Infinity',
      { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': 'Infinity', 'X-RateLimit-Reset': '1' },
    ],
  ])('is undefined with %s', (_name, entries: Record<string, string>) => {
    expect(rateLimitFrom(headers(entries))).toBeUndefined();
  });

  it('is undefined when the headers are present but empty', () => {
    expect(
      rateLimitFrom(
        headers({ 'X-RateLimit-Limit': '', 'X-RateLimit-Remaining': '', 'X-RateLimit-Reset': '' }),
      ),
    ).toBeUndefined();
  });
});

describe('waitForRateLimit', () => {
  it.each([
    ['7', 7000],
    ['0', 0],
    ['120', 120_000],
  ])('reads Retry-After: %s as seconds', (retryAfter, waitMs) => {
    expect(waitForRateLimit(headers({ 'Retry-After': retryAfter }), NOW_MS)).toBe(waitMs);
  });

  it('reads Retry-After as an HTTP date, relative to now', () => {
    const at = new Date(NOW_MS + 42_000).toUTCString();
    expect(waitForRateLimit(headers({ 'Retry-After': at }), NOW_MS)).toBe(42_000);
    expect(waitForRateLimit(headers({ 'Retry-After': at }), NOW_MS + 40_000)).toBe(2000);
  });

  it('waits 0 for an HTTP date in the past', () => {
    const at = new Date(NOW_MS - 42_000).toUTCString();
    expect(waitForRateLimit(headers({ 'Retry-After': at }), NOW_MS)).toBe(0);
  });

  it('prefers Retry-After to X-RateLimit-Reset', () => {
    expect(
      waitForRateLimit(
        headers({ 'Retry-After': '3', 'X-RateLimit-Reset': String(NOW_SECONDS + 10) }),
        NOW_MS,
      ),
    ).toBe(3000);
  });

  it('waits until X-RateLimit-Reset without Retry-After', () => {
    expect(
      waitForRateLimit(headers({ 'X-RateLimit-Reset': String(NOW_SECONDS + 10) }), NOW_MS),
    ).toBe(10_000);
    expect(
      waitForRateLimit(headers({ 'X-RateLimit-Reset': String(NOW_SECONDS + 10) }), NOW_MS + 2500),
    ).toBe(7500);
  });

  it('waits 0 for an X-RateLimit-Reset in the past', () => {
    expect(
      waitForRateLimit(headers({ 'X-RateLimit-Reset': String(NOW_SECONDS - 5) }), NOW_MS),
    ).toBe(0);
  });

  it('falls back to X-RateLimit-Reset when Retry-After cannot be read', () => {
    expect(
      waitForRateLimit(
        headers({ 'Retry-After': 'soon', 'X-RateLimit-Reset': String(NOW_SECONDS + 10) }),
        NOW_MS,
      ),
    ).toBe(10_000);
  });

  it.each([
    ['no headers', {}],
    ['an unreadable Retry-After only', { 'Retry-After': 'later' }],
    ['an unreadable X-RateLimit-Reset only', { 'X-RateLimit-Reset': 'later' }],
    [
      'only the other rate-limit headers',
      { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0' },
    ],
  ])('is undefined with %s', (_name, entries: Record<string, string>) => {
    expect(waitForRateLimit(headers(entries), NOW_MS)).toBeUndefined();
  });

  it.each(['', '-1'])('falls back to X-RateLimit-Reset when Retry-After is %j', (retryAfter) => {
    expect(
      waitForRateLimit(
        headers({ 'Retry-After': retryAfter, 'X-RateLimit-Reset': String(NOW_SECONDS + 10) }),
        NOW_MS,
      ),
    ).toBe(10_000);
  });
});

describe('hostile or odd X-RateLimit-* headers', () => {
  const sane = {
    'X-RateLimit-Limit': '100',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(NOW_SECONDS + 10),
  };
  it.each([
    ['a reset in milliseconds', { 'X-RateLimit-Reset': String(NOW_MS + 10_000) }, /milliseconds/],
    ['a 20-digit reset', { 'X-RateLimit-Reset': '17943889279401234567' }, /more than 15 digits/],
    ['a negative reset', { 'X-RateLimit-Reset': '-1' }, /not a whole number/],
    ['a fractional reset', { 'X-RateLimit-Reset': `${NOW_SECONDS + 10}.5` }, /not a whole number/],
    ['a reset an hour ahead', { 'X-RateLimit-Reset': String(NOW_SECONDS + 3600) }, /60 s ahead/],
    ['a reset an hour ago', { 'X-RateLimit-Reset': String(NOW_SECONDS - 3600) }, /in the past/],
    [
      'a huge remaining',
      { 'X-RateLimit-Remaining': '99999999999999999999999' },
      /Remaining has more than 15 digits/,
    ],
    [
      'more remaining than the limit',
      { 'X-RateLimit-Remaining': '101' },
      /above X-RateLimit-Limit/,
    ],
    ['a limit of 0', { 'X-RateLimit-Limit': '0' }, /Limit is 0/],
    ['a fractional limit', { 'X-RateLimit-Limit': '1e3' }, /not a whole number/],
    ['a missing limit', { 'X-RateLimit-Limit': undefined }, /Limit is missing/],
    ['an empty remaining', { 'X-RateLimit-Remaining': '' }, /Remaining is empty/],
  ])('%s: no state, a note that quotes nothing', (_name, change, note) => {
    const entries: Record<string, string> = { ...sane };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete entries[key];
      else entries[key] = value;
    }
    const reading = readRateLimit(headers(entries), NOW_MS);

    expect(reading.state).toBeUndefined();
    expect(rateLimitFrom(headers(entries), NOW_MS)).toBeUndefined();
    expect(reading.ignored.length).toBeGreaterThan(0);
    expect(reading.ignored.length).toBeLessThanOrEqual(3);
    expect(reading.ignored.join('\n')).toMatch(note);
    for (const value of Object.values(change)) {
      if (value && value.length > 3) expect(reading.ignored.join('\n')).not.toContain(value);
    }
  });

  it('a header holding text, a token for instance, is described and never quoted', () => {
    const reading = readRateLimit(
      headers({ ...sane, 'X-RateLimit-Reset': 'Bearer tok_secret_value' }),
      NOW_MS,
    );
    expect(reading.ignored).toEqual(['X-RateLimit-Reset is not a whole number']);
  });

  it('a reset up to a minute away either side is a window (one in the past has passed)', () => {
    for (const offset of [-60, -1, 0, 1, 10, 60]) {
      expect(
        rateLimitFrom(
          headers({ ...sane, 'X-RateLimit-Reset': String(NOW_SECONDS + offset) }),
          NOW_MS,
        ),
      ).toStrictEqual({ limit: 100, remaining: 0, resetAt: new Date(NOW_MS + offset * 1000) });
    }
  });

  it('without a clock, only the shape is checked: seconds, not milliseconds', () => {
    expect(
      rateLimitFrom(headers({ ...sane, 'X-RateLimit-Reset': String(NOW_MS) })),
    ).toBeUndefined();
    expect(rateLimitFrom(headers(sane))).toMatchObject({ limit: 100, remaining: 0 });
  });

  it('an answer with none of the headers is no reading at all', () => {
    expect(readRateLimit(headers({}), NOW_MS)).toStrictEqual({ state: undefined, ignored: [] });
  });
});

describe('waitForRateLimit is always a whole, finite number of ms, or undefined', () => {
  it.each([
    ['a Retry-After of 20 digits', { 'Retry-After': '99999999999999999999' }],
    ['a Retry-After beyond a day', { 'Retry-After': '86401' }],
    [
      'a Retry-After date in a year',
      { 'Retry-After': new Date(NOW_MS + 365 * 86_400_000).toUTCString() },
    ],
    ['a reset in milliseconds', { 'X-RateLimit-Reset': String(NOW_MS + 5_000) }],
    ['a 20-digit reset', { 'X-RateLimit-Reset': '17943889279401234567' }],
    ['a reset an hour ahead', { 'X-RateLimit-Reset': String(NOW_SECONDS + 3_600) }],
    ['a fractional reset', { 'X-RateLimit-Reset': `${NOW_SECONDS + 5}.5` }],
  ])('ignores %s', (_name, entries: Record<string, string>) => {
    expect(waitForRateLimit(headers(entries), NOW_MS)).toBeUndefined();
  });

  it('a fractional Retry-After rounds up to whole milliseconds', () => {
    expect(waitForRateLimit(headers({ 'Retry-After': '1.2345' }), NOW_MS)).toBeUndefined();
    expect(waitForRateLimit(headers({ 'Retry-After': '1.5' }), NOW_MS)).toBe(1500);
  });

  it('falls back to a sane reset when Retry-After is implausible', () => {
    expect(
      waitForRateLimit(
        headers({ 'Retry-After': '99999999999', 'X-RateLimit-Reset': String(NOW_SECONDS + 4) }),
        NOW_MS,
      ),
    ).toBe(4_000);
  });

  it('a clock that is not a number yields no wait from a date or a reset', () => {
    expect(
      waitForRateLimit(headers({ 'X-RateLimit-Reset': String(NOW_SECONDS + 4) }), Number.NaN),
    ).toBeUndefined();
  });
});
