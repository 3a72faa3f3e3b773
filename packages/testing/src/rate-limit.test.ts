import { afterEach, describe, expect, it } from 'vitest';
import type { FakeIntercom, FakeIntercomOptions } from './fake-intercom.js';
import {
  closeFakes,
  manualClock,
  START_MS,
  START_SECONDS,
  startFake,
} from './test-support/fakes.js';
import { manage, type FakeResponse } from './test-support/http.js';
import { expectConversation, expectError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const open = { message_type: 'open', admin_id: ADMIN };

afterEach(closeFakes);

async function setUp(
  options: FakeIntercomOptions,
): Promise<{ fake: FakeIntercom; id: string; clock: ReturnType<typeof manualClock> }> {
  const clock = manualClock();
  const fake = await startFake({ now: clock.now, ...options });
  fake.admins.add(ADMIN);
  const { id } = fake.conversations.add();
  return { fake, id, clock };
}

function rateLimitOf(response: FakeResponse): { limit: number; remaining: number; reset: number } {
  const header = (name: string): number => {
    const value = response.headers.get(name);
    expect(value, name).toMatch(/^\d+$/);
    return Number(value);
  };
  return {
    limit: header('x-ratelimit-limit'),
    remaining: header('x-ratelimit-remaining'),
    reset: header('x-ratelimit-reset'),
  };
}

/** Posts `open` and asserts a spec-valid 200, returning the rate-limit headers. */
async function allowed(fake: FakeIntercom, id: string) {
  const response = await manage(fake, id, open);
  expectConversation(response);
  return rateLimitOf(response);
}

/** Posts `open` and asserts a spec-valid 429, returning the rate-limit headers. */
async function limited(fake: FakeIntercom, id: string) {
  const response = await manage(fake, id, open);
  expectError(response, 429, 'rate_limit_exceeded', undefined);
  return rateLimitOf(response);
}

describe('the rate limit', () => {
  it('counts down a budget of 3 per 10 s, then answers 429 with none remaining', async () => {
    const { fake, id } = await setUp({ rateLimit: { limit: 3, windowSeconds: 10 } });
    const reset = START_SECONDS + 10;
    expect(await allowed(fake, id)).toEqual({ limit: 3, remaining: 2, reset });
    expect(await allowed(fake, id)).toEqual({ limit: 3, remaining: 1, reset });
    expect(await allowed(fake, id)).toEqual({ limit: 3, remaining: 0, reset });
    expect(await limited(fake, id)).toEqual({ limit: 3, remaining: 0, reset });
    expect(await limited(fake, id)).toEqual({ limit: 3, remaining: 0, reset });
  });

  it('changes nothing with a 429', async () => {
    const { fake, id } = await setUp({ rateLimit: { limit: 1 } });
    await allowed(fake, id);
    const before = fake.conversations.get(id);
    await limited(fake, id);
    expect(fake.conversations.get(id)).toEqual(before);
    expect(fake.requests[1]).toMatchObject({ status: 429, applied: false });
  });

  it('keeps counting while the clock moves within the window', async () => {
    const { fake, id, clock } = await setUp({ rateLimit: { limit: 3, windowSeconds: 10 } });
    expect((await allowed(fake, id)).remaining).toBe(2);
    clock.set(START_MS + 4_000);
    expect((await allowed(fake, id)).remaining).toBe(1);
    clock.set(START_MS + 9_999);
    expect(await allowed(fake, id)).toEqual({ limit: 3, remaining: 0, reset: START_SECONDS + 10 });
    expect((await limited(fake, id)).reset).toBe(START_SECONDS + 10);
  });

  it('starts a fresh budget when the clock crosses the window boundary', async () => {
    const { fake, id, clock } = await setUp({ rateLimit: { limit: 3, windowSeconds: 10 } });
    for (let i = 0; i < 3; i += 1) await allowed(fake, id);
    await limited(fake, id);
    clock.set(START_MS + 10_000);
    expect(await allowed(fake, id)).toEqual({ limit: 3, remaining: 2, reset: START_SECONDS + 20 });
    clock.advance(25);
    expect(await allowed(fake, id)).toEqual({ limit: 3, remaining: 2, reset: START_SECONDS + 40 });
  });

  it('aligns windows to multiples of windowSeconds when the clock starts mid-window', async () => {
    const { fake, id, clock } = await setUp({ rateLimit: { limit: 2, windowSeconds: 10 } });
    clock.set(START_MS + 7_500);
    // The window is [START, START + 10), not [START + 7.5, START + 17.5).
    expect(await allowed(fake, id)).toEqual({ limit: 2, remaining: 1, reset: START_SECONDS + 10 });
    expect((await allowed(fake, id)).remaining).toBe(0);
    await limited(fake, id);
    clock.set(START_MS + 10_000);
    expect(await allowed(fake, id)).toEqual({ limit: 2, remaining: 1, reset: START_SECONDS + 20 });
  });

  it('aligns a 60-second window to the minute', async () => {
    const { fake, id, clock } = await setUp({ rateLimit: { limit: 5, windowSeconds: 60 } });
    clock.set(START_MS + 61_000);
    expect(await allowed(fake, id)).toEqual({ limit: 5, remaining: 4, reset: START_SECONDS + 120 });
    clock.set(START_MS + 119_999);
    expect((await allowed(fake, id)).remaining).toBe(3);
  });

  it('defaults to 1,666 per 10-second window', async () => {
    const { fake, id, clock } = await setUp({});
    clock.set(START_MS + 3_000);
    expect(await allowed(fake, id)).toEqual({
      limit: 1666,
      remaining: 1665,
      reset: START_SECONDS + 10,
    });
  });

  it('defaults windowSeconds to 10 when only the limit is given', async () => {
    const { fake, id, clock } = await setUp({ rateLimit: { limit: 7 } });
    clock.set(START_MS + 15_000);
    expect(await allowed(fake, id)).toEqual({ limit: 7, remaining: 6, reset: START_SECONDS + 20 });
  });

  it('sends no rate-limit headers and never answers 429 with rateLimit: false', async () => {
    const { fake, id } = await setUp({ rateLimit: false });
    for (let i = 0; i < 5; i += 1) {
      const response = await manage(fake, id, open);
      expectConversation(response);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
      expect(response.headers.get('x-ratelimit-remaining')).toBeNull();
      expect(response.headers.get('x-ratelimit-reset')).toBeNull();
    }
  });

  it('does not count 401s against the budget', async () => {
    const { fake, id } = await setUp({ rateLimit: { limit: 2, windowSeconds: 10 } });
    for (let i = 0; i < 3; i += 1) {
      const response = await manage(fake, id, open, { token: 'wrong-token' });
      expectError(response, 401, 'unauthorized', undefined);
      expect(response.headers.get('x-ratelimit-remaining')).toBeNull();
    }
    expect((await allowed(fake, id)).remaining).toBe(1);
    expect((await allowed(fake, id)).remaining).toBe(0);
    await limited(fake, id);
  });

  it('counts a refused request, and sends the headers with it', async () => {
    const { fake, id } = await setUp({ rateLimit: { limit: 3, windowSeconds: 10 } });
    const response = await manage(fake, id, { message_type: 'open' });
    expectError(response, 400, 'parameter_not_found', 'admin_id');
    expect(rateLimitOf(response)).toEqual({ limit: 3, remaining: 2, reset: START_SECONDS + 10 });
    expect((await allowed(fake, id)).remaining).toBe(1);
  });

  it.each([
    [{ limit: 0 }],
    [{ limit: 1.5 }],
    [{ limit: -1 }],
    [{ windowSeconds: 0 }],
    [{ windowSeconds: 2.5 }],
  ])('refuses to start with rateLimit %j', async (rateLimit) => {
    await expect(startFake({ rateLimit })).rejects.toThrow(TypeError);
  });

  it('refuses a misspelt option rather than keep the default', async () => {
    await expect(
      startFake({ rateLimit: { limt: 5 } as unknown as { limit: number } }),
    ).rejects.toThrow('rateLimit.limt is not an option; rateLimit takes limit, windowSeconds');
  });
});
