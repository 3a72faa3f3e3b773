import { afterEach, describe, expect, test, vi } from 'vitest';
import { createConversations } from './create-conversations.js';
import { ApiError } from './errors/api-error.js';
import { AuthenticationError } from './errors/authentication-error.js';
import { ConnectionError } from './errors/connection-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import { PermissionDeniedError } from './errors/permission-denied-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import { RateLimitWaitError } from './errors/rate-limit-wait-error.js';
import { ServerError } from './errors/server-error.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { retryDefaults } from './retry-defaults.js';
import { collect, rejectionOf } from './test-support/collected-errors.js';
import {
  ADMIN_ID,
  closedPortUrl,
  errorListBody,
  harnessesClosedAfterEach,
  partsWithBody,
  START_MS,
  exhaustedWindow,
} from './test-support/faults-harness.js';
import { TOKEN } from './test-support/token.js';

const start = harnessesClosedAfterEach();

afterEach(() => {
  vi.restoreAllMocks();
});

const always = (): boolean => true;
const unavailable = {
  type: 'status',
  status: 503,
  body: errorListBody('service_unavailable', 'Try again'),
} as const;

describe('retry bounds the retries', () => {
  const cases = [
    { label: 'retry: 0', options: { retry: 0 }, retries: 0 },
    { label: 'retry: 1', options: { retry: 1 }, retries: 1 },
    { label: 'the default', options: {}, retries: 2 },
    { label: 'retry: 5', options: { retry: 5 }, retries: 5 },
    { label: 'retry: { maxRetries: 5 }', options: { retry: { maxRetries: 5 } }, retries: 5 },
    {
      label: 'retry: { baseDelayMs: 100 }, the default retries',
      options: { retry: { baseDelayMs: 100 } },
      retries: 2,
    },
  ];

  test.each(cases)(
    '$label: a 503 every time',
    { timeout: 10_000 },
    async ({ options, retries }) => {
      const { fake, waits, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      fake.fault(always, unavailable);

      const error = await rejectionOf(client(options).close(id, { adminId: ADMIN_ID }));

      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 503, mayHaveBeenApplied: false });
      expect(fake.requests).toHaveLength(retries + 1);
      expect(fake.requests.every((request) => request.status === 503 && !request.applied)).toBe(
        true,
      );
      expect(waits).toHaveLength(retries);
    },
  );

  test.each(cases)(
    '$label: succeeds when the last allowed attempt does',
    { timeout: 10_000 },
    async ({ options, retries }) => {
      const { fake, client } = await start();
      const { id } = fake.conversations.add({ state: 'open' });
      if (retries > 0) fake.fault(retries, unavailable);

      const closed = await client(options).close(id, { adminId: ADMIN_ID });

      expect(closed.state).toBe('closed');
      expect(fake.requests.map((request) => request.status)).toEqual([
        ...Array<number>(retries).fill(503),
        200,
      ]);
    },
  );

  test('an ambiguous failure that lasts surfaces after the retries, mayHaveBeenApplied: true', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault(always, { type: 'status', status: 500, body: errorListBody('server_error', 'x') });

    const error = await rejectionOf(client({ retry: 3 }).open(id, { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, mayHaveBeenApplied: true });
    expect(fake.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  test('a 429 that lasts surfaces as RateLimitError after the retries', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault(always, { type: 'status', status: 429, headers: { 'Retry-After': '2' } });

    const error = await rejectionOf(client().close(id, { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, mayHaveBeenApplied: false });
    expect(fake.requests).toHaveLength(retryDefaults.maxRetries + 1);
    expect(waits).toEqual([2_000, 2_000]);
  });
});

describe('backoff', () => {
  /** The cap of the wait before retry n (0-based): base·2ⁿ, at most maxDelayMs. */
  const capOf = (n: number, base: number, max: number): number => Math.min(max, base * 2 ** n);

  test('grows exponentially within the jitter bounds, capped by maxDelayMs', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault(always, unavailable);

    await rejectionOf(client({ retry: 7 }).close(id, { adminId: ADMIN_ID }));

    expect(fake.requests).toHaveLength(8);
    expect(waits).toHaveLength(7);
    waits.forEach((wait, n) => {
      const cap = capOf(n, retryDefaults.baseDelayMs, retryDefaults.maxDelayMs);
      expect(wait, `wait before retry ${n + 1}`).toBeGreaterThanOrEqual(cap / 2);
      expect(wait, `wait before retry ${n + 1}`).toBeLessThanOrEqual(cap);
    });
    // 500 · 2⁴ reaches the 8 s cap: the last waits are all within [4 s, 8 s].
    expect(waits.slice(4).every((wait) => wait >= 4_000 && wait <= 8_000)).toBe(true);
  });

  test('honours baseDelayMs and maxDelayMs', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault(always, unavailable);

    await rejectionOf(
      client({ retry: { maxRetries: 6, baseDelayMs: 100, maxDelayMs: 1_000 } }).close(id, {
        adminId: ADMIN_ID,
      }),
    );

    expect(waits).toHaveLength(6);
    waits.forEach((wait, n) => {
      const cap = capOf(n, 100, 1_000);
      expect(wait).toBeGreaterThanOrEqual(cap / 2);
      expect(wait).toBeLessThanOrEqual(cap);
    });
  });

  test('jitter spans the whole range: half the cap when random is 0, the cap as it nears 1', async () => {
    const { fake, waits, client } = await start();
    fake.fault(always, unavailable);
    const { id: low } = fake.conversations.add({ state: 'open' });
    const { id: high } = fake.conversations.add({ state: 'open' });

    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    await rejectionOf(client({ retry: 5 }).close(low, { adminId: ADMIN_ID }));
    expect(waits.splice(0)).toEqual([250, 500, 1_000, 2_000, 4_000]);

    random.mockReturnValue(0.999_999);
    await rejectionOf(client({ retry: 5 }).close(high, { adminId: ADMIN_ID }));
    const expected = [500, 1_000, 2_000, 4_000, 8_000];
    waits.forEach((wait, n) => expect(wait).toBeCloseTo(expected[n]!, -1));
  });

  test('the random option makes the jitter deterministic', async () => {
    const { fake, waits, client } = await start();
    fake.fault(always, unavailable);
    const { id } = fake.conversations.add({ state: 'open' });

    await rejectionOf(client({ retry: 3, random: () => 0.5 }).close(id, { adminId: ADMIN_ID }));

    // Each wait is the backoff times 0.5 + random / 2.
    expect(waits).toEqual([375, 750, 1_500]);
    expect(fake.requests).toHaveLength(4);
  });
});

describe('429', () => {
  test('waits exactly the Retry-After seconds', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': '17' } });

    const closed = await client().close(id, { adminId: ADMIN_ID, message: 'Bye' });

    expect(closed.state).toBe('closed');
    expect(waits).toEqual([17_000]);
    expect(fake.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(partsWithBody(fake, id, 'Bye')).toBe(1);
  });

  test('waits until an HTTP-date Retry-After', async () => {
    const { fake, clock, waits, client } = await start();
    clock.ms += 250;
    const { id } = fake.conversations.add({ state: 'open' });
    const retryAt = new Date(START_MS + 42_000).toUTCString();
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': retryAt } });

    await client().close(id, { adminId: ADMIN_ID });

    expect(waits).toEqual([42_000 - 250]);
  });

  test('without Retry-After, waits exactly until X-RateLimit-Reset', async () => {
    const { fake, clock, waits, client } = await start();
    clock.ms += 3_400;
    const { id } = fake.conversations.add({ state: 'open' });
    const reset = Math.floor(START_MS / 1000) + 10;
    fake.fault('next', {
      type: 'status',
      status: 429,
      headers: exhaustedWindow(reset),
    });

    const snoozed = await client().snooze(id, {
      adminId: ADMIN_ID,
      until: Math.floor(clock.ms / 1000) + 3_600,
    });

    expect(snoozed.state).toBe('snoozed');
    expect(waits).toEqual([reset * 1000 - (START_MS + 3_400)]);
    expect(clock.ms).toBe(reset * 1000);
    expect(fake.requests.map((request) => request.status)).toEqual([429, 200]);
  });

  test('Retry-After wins over X-RateLimit-Reset', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', {
      type: 'status',
      status: 429,
      headers: { 'Retry-After': '4', ...exhaustedWindow(Math.floor(START_MS / 1000) + 4) },
    });

    await client().close(id, { adminId: ADMIN_ID });

    expect(waits).toEqual([4_000]);
  });

  test('the fake’s own 429 is waited out until its reset, then succeeds', async () => {
    const { fake, clock, waits, client } = await start({
      rateLimit: { limit: 1, windowSeconds: 10 },
    });
    clock.ms += 6_000;
    const first = fake.conversations.add({ state: 'open' });
    const second = fake.conversations.add({ state: 'open' });
    // Another client spends the window's budget.
    await client().close(first.id, { adminId: ADMIN_ID });

    const closed = await client().close(second.id, { adminId: ADMIN_ID });

    expect(closed.state).toBe('closed');
    expect(fake.requests.map((request) => request.status)).toEqual([200, 429, 200]);
    expect(waits).toEqual([4_000]);
  });

  test('a Retry-After longer than maxRateLimitWaitMs throws RateLimitError at once, without sleeping', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': '120' } });

    const error = await rejectionOf(client().close(id, { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetAt).toEqual(new Date(START_MS + 120_000));
    expect(error).toMatchObject({ status: 429, mayHaveBeenApplied: false });
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  test('a reset further than maxRateLimitWaitMs throws RateLimitError at once, without sleeping', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    const reset = Math.floor(START_MS / 1000) + 5;
    fake.fault('next', {
      type: 'status',
      status: 429,
      headers: exhaustedWindow(reset),
    });

    const error = await rejectionOf(
      client({ retry: { maxRateLimitWaitMs: 4_999 } }).close(id, { adminId: ADMIN_ID }),
    );

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetAt).toEqual(new Date(reset * 1000));
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  test('a wait of exactly maxRateLimitWaitMs is still waited', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': '5' } });

    await client({ retry: { maxRateLimitWaitMs: 5_000 } }).close(id, { adminId: ADMIN_ID });

    expect(waits).toEqual([5_000]);
  });

  test('a spent budget whose window resets too late throws RateLimitWaitError before sending', async () => {
    const { fake, waits, client } = await start({ rateLimit: { limit: 1, windowSeconds: 10 } });
    const first = fake.conversations.add({ state: 'open' });
    const second = fake.conversations.add({ state: 'open' });
    const conversations = client({ retry: { maxRateLimitWaitMs: 5_000 } });
    await conversations.close(first.id, { adminId: ADMIN_ID });

    const error = await rejectionOf(conversations.close(second.id, { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(RateLimitWaitError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false, waitMs: 10_000, maxWaitMs: 5_000 });
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('connection refused', () => {
  test('is retried, then surfaces as ConnectionError with mayHaveBeenApplied: false', async () => {
    const baseUrl = await closedPortUrl();
    const attempts: string[] = [];
    const waits: number[] = [];
    const conversations = createConversations({
      token: TOKEN,
      baseUrl,
      fetch: (request) => {
        attempts.push(request.url);
        return fetch(request);
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });

    const error = await rejectionOf(
      conversations.close('123', { adminId: ADMIN_ID, message: 'Solved' }),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false });
    expect((error as ConnectionError).message).toContain('nothing was sent');
    // Safe to retry even with a message: the request never left.
    expect(attempts).toEqual(Array<string>(3).fill(`${baseUrl}/conversations/123/parts`));
    expect(waits).toHaveLength(2);
  });

  test('a refused first attempt, then a server that answers: succeeds', async () => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    const refusedUrl = await closedPortUrl();
    const attempts: string[] = [];
    const conversations = client({
      // The first attempt goes to a closed port; the retry to the fake.
      fetch: (request) => {
        attempts.push(request.url);
        if (attempts.length > 1) return fetch(request);
        return fetch(new Request(request.url.replace(fake.url, refusedUrl), request));
      },
    });

    const closed = await conversations.close(id, { adminId: ADMIN_ID, message: 'Solved' });

    expect(closed.state).toBe('closed');
    expect(attempts).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
    expect(partsWithBody(fake, id, 'Solved')).toBe(1);
  });
});

describe('4xx is never retried', () => {
  const cases = [
    { status: 400, error: ApiError, code: 'parameter_invalid' },
    { status: 401, error: AuthenticationError, code: 'unauthorized' },
    { status: 403, error: PermissionDeniedError, code: 'forbidden' },
    { status: 404, error: NotFoundError, code: 'not_found' },
    { status: 409, error: ApiError, code: 'conflict' },
    { status: 422, error: ApiError, code: 'unprocessable' },
  ];

  test.each(cases)('$status', async ({ status, error: errorClass, code }) => {
    const { fake, waits, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault(always, { type: 'status', status, body: errorListBody(code, 'No') });

    const error = await rejectionOf(client({ retry: 5 }).open(id, { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({
      status,
      mayHaveBeenApplied: false,
      errors: [{ code, message: 'No', field: null }],
      requestId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test('the fake’s real 404 for an unknown conversation', async () => {
    const { fake, waits, client } = await start();

    const error = await rejectionOf(client().close('424242', { adminId: ADMIN_ID }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, errors: [{ code: 'not_found' }] });
    expect(fake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test('the fake’s real 404 for an unknown team', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });

    const error = await rejectionOf(
      client().assign(id, { adminId: ADMIN_ID, assignee: { type: 'team', id: 1 } }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ errors: [{ code: 'team_not_found', field: 'assignee_id' }] });
    expect(fake.requests).toHaveLength(1);
  });
});

test('a 2xx that contradicts the action is UnexpectedResponseError, not retried', async () => {
  const { fake, waits, client } = await start();
  const { id } = fake.conversations.add({ state: 'open' });
  const stillOpen = fake.conversations.get(id)!;
  fake.fault('next', { type: 'status', status: 200, body: stillOpen });

  const error = collect(
    await client()
      .close(id, { adminId: ADMIN_ID })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      ),
  );

  expect(error).toMatchObject({
    name: 'UnexpectedResponseError',
    status: 200,
    mayHaveBeenApplied: true,
  });
  expect(fake.requests).toHaveLength(1);
  expect(waits).toEqual([]);
});

describe('an error after retries still says an earlier attempt may have been applied', () => {
  test('destroy after-apply, then 503 until retries run out: mayHaveBeenApplied: true', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'closed' });
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    fake.fault(always, unavailable);

    const error = await rejectionOf(client().open(id, { adminId: ADMIN_ID }));

    expect(fake.requests.map(({ status, applied }) => ({ status, applied }))).toEqual([
      { status: 0, applied: true },
      { status: 503, applied: false },
      { status: 503, applied: false },
    ]);
    expect(fake.conversations.get(id)!.state).toBe('open');
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, mayHaveBeenApplied: true });
  });

  test('a 500, then a 404: mayHaveBeenApplied: true', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'status', status: 500, body: errorListBody('server_error', 'x') });
    fake.fault('next', { type: 'status', status: 404, body: errorListBody('not_found', 'x') });

    const error = await rejectionOf(client().close(id, { adminId: ADMIN_ID }));

    expect(fake.requests.map((request) => request.status)).toEqual([500, 404]);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
  });

  test('a timeout, then a 429 whose wait is too long: mayHaveBeenApplied: true', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'delay', ms: 1_000 });
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': '3600' } });

    const error = await rejectionOf(
      client({ timeoutMs: 200 }).snooze(id, {
        adminId: ADMIN_ID,
        until: Math.floor(START_MS / 1000) + 3_600,
      }),
    );

    expect(fake.requests.map((request) => request.fault)).toEqual(['delay', 'status']);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
  });

  test('destroy after-apply, then the pacer refuses to wait that long: RateLimitWaitError, mayHaveBeenApplied: true', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    let reservations = 0;
    // Grants the first request, then says the window resets in an hour.
    const store: RateLimitStore = {
      reserve: async () =>
        (reservations += 1) === 1
          ? { granted: true, slot: { id: 'first' } }
          : { granted: false, waitMs: 3_600_000 },
      settle: async () => {},
      state: undefined,
      close: async () => {},
    };

    const error = await rejectionOf(
      client({ rateLimitStore: store }).close(id, { adminId: ADMIN_ID }),
    );

    expect(fake.requests).toHaveLength(1);
    expect(fake.conversations.get(id)!.state).toBe('closed');
    expect(error).toBeInstanceOf(RateLimitWaitError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true, waitMs: 3_600_000 });
    expect((error as Error).message).toContain('an earlier attempt may have been applied');
  });

  test('opted in, a close with a message: destroy after-apply, then 503s: the message is there, and the error says so', async () => {
    const { fake, client } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    fake.fault(always, unavailable);

    const error = await rejectionOf(
      client({ retry: { retryMessagesAfterAmbiguousFailure: true } }).close(id, {
        adminId: ADMIN_ID,
        message: 'Solved',
      }),
    );

    expect(partsWithBody(fake, id, 'Solved')).toBe(1);
    expect(error).toBeInstanceOf(ServerError);
    // A caller that trusts mayHaveBeenApplied: false would send the message again.
    expect(error).toMatchObject({ status: 503, mayHaveBeenApplied: true });
  });

  test('destroy after-apply, then an abort while waiting: AbortError with mayHaveBeenApplied: true', async () => {
    const { fake } = await start();
    const { id } = fake.conversations.add({ state: 'open' });
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    const controller = new AbortController();
    const conversations = createConversations({
      token: TOKEN,
      baseUrl: fake.url,
      sleep: async () => {
        controller.abort();
      },
    });

    const error = await rejectionOf(
      conversations.close(id, { adminId: ADMIN_ID, signal: controller.signal }),
    );

    expect(fake.requests).toHaveLength(1);
    expect(fake.conversations.get(id)!.state).toBe('closed');
    expect(error).toMatchObject({ name: 'AbortError', mayHaveBeenApplied: true });
  });
});
