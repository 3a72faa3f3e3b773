import { describe, expect, it } from 'vitest';
import { rateLimitFrom } from './rate-limit-state.js';
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
