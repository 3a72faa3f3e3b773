import { startFakeIntercom } from '@conversation-kit/testing';
import { describe, expect, test } from 'vitest';
import { createConversations } from './create-conversations.js';
import { ValidationError } from './errors/validation-error.js';
import { collect, rejectionOf } from './test-support/collected-errors.js';
import { ADMIN_ID, TEAM_ID } from './test-support/constants.js';
import { TOKEN } from './test-support/token.js';

// What a caller may pass, TypeScript or not: only own properties count, each read once, and
// every failure to read one is a ValidationError naming it, with nothing sent.

async function startFake() {
  return startFakeIntercom({ token: TOKEN, admins: [ADMIN_ID], teams: [TEAM_ID] });
}

describe('malformed Unicode in an id', () => {
  test.each([
    ['the conversation id', (c: Calls) => c.close('1\uD800', { adminId: ADMIN_ID }), 'id'],
    ['a trailing low surrogate', (c: Calls) => c.close('\uDC001', { adminId: ADMIN_ID }), 'id'],
    ['adminId', (c: Calls) => c.open('1', { adminId: '99\uD800' }), 'options.adminId'],
    [
      'assignee.id',
      (c: Calls) => c.assign('1', { adminId: ADMIN_ID, assignee: { type: 'team', id: '\uDBFF' } }),
      'options.assignee.id',
    ],
  ])(
    'a lone surrogate in %s: ValidationError, nothing sent, no retry',
    async (_name, call, field) => {
      await using fake = await startFake();
      const error = await rejectionOf(
        call(createConversations({ token: TOKEN, baseUrl: fake.url })),
      );

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field, mayHaveBeenApplied: false });
      expect(fake.requests).toEqual([]);
    },
  );

  test('a well-formed pair of surrogates is an id like any other', async () => {
    await using fake = await startFake();
    const error = await rejectionOf(
      createConversations({ token: TOKEN, baseUrl: fake.url, retry: 0 }).close('1\uD83D\uDE00', {
        adminId: ADMIN_ID,
      }),
    );
    expect(error).toMatchObject({ name: 'NotFoundError', status: 404 });
    expect(fake.requests).toHaveLength(1);
  });
});

type Calls = ReturnType<typeof createConversations>;

describe('getters and Proxies that throw', () => {
  const throwing = (): never => {
    throw new Error('boom');
  };

  test('a getter on a shorthand option rejects with ValidationError naming it, never throws at once', async () => {
    await using fake = await startFake();
    const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });
    const options = { adminId: ADMIN_ID } as { adminId: string; message?: string };
    Object.defineProperty(options, 'message', { get: throwing, enumerable: true });

    let call: Promise<unknown> | undefined;
    expect(() => {
      call = conversations.close('1', options);
    }).not.toThrow();
    const error = await rejectionOf(call!);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.message', mayHaveBeenApplied: false });
    expect(fake.requests).toEqual([]);
  });

  test.each([
    ['ownKeys', { ownKeys: throwing }, 'action'],
    ['get', { get: throwing }, 'action.action'],
  ])(
    'a Proxy whose %s trap throws, given to manage(): ValidationError',
    async (_trap, handler, field) => {
      await using fake = await startFake();
      const action = new Proxy({ action: 'open', adminId: ADMIN_ID }, handler) as never;

      const error = await rejectionOf(
        createConversations({ token: TOKEN, baseUrl: fake.url }).manage('1', action),
      );

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field });
      expect(fake.requests).toEqual([]);
    },
  );

  test('a getter on an assignee field: ValidationError naming it', async () => {
    await using fake = await startFake();
    const assignee = { type: 'team' } as { type: 'team'; id: string };
    Object.defineProperty(assignee, 'id', { get: throwing, enumerable: true });

    const error = await rejectionOf(
      createConversations({ token: TOKEN, baseUrl: fake.url }).assign('1', {
        adminId: ADMIN_ID,
        assignee,
      }),
    );

    expect(error).toMatchObject({ name: 'ValidationError', field: 'options.assignee.id' });
    expect(fake.requests).toEqual([]);
  });

  test('a getter on a client option: ValidationError naming it', () => {
    const options = { token: TOKEN } as { token: string; timeoutMs?: number };
    Object.defineProperty(options, 'timeoutMs', { get: throwing, enumerable: true });

    const error = collect(catching(() => createConversations(options)));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.timeoutMs' });
  });

  test('each property is read once', async () => {
    await using fake = await startFake();
    const { id } = fake.conversations.add({ state: 'open' });
    let reads = 0;
    const options = { adminId: ADMIN_ID } as { adminId: string; message?: string };
    Object.defineProperty(options, 'message', {
      get: () => {
        reads += 1;
        return reads === 1 ? 'Solved' : 42;
      },
      enumerable: true,
    });

    await createConversations({ token: TOKEN, baseUrl: fake.url }).close(id, options);

    expect(reads).toBe(1);
    expect(fake.requests.map((request) => (request.body as { body?: string }).body)).toEqual([
      'Solved',
    ]);
  });
});

describe('inherited properties are never read', () => {
  // The polluted prototype would also break Node's own http and the fake, so it stays polluted
  // only while the client validates, which it does synchronously, before anything is sent.
  const prototype = Object.prototype as Record<string, unknown>;
  function whilePolluted<T>(key: string, value: unknown, run: () => T): T {
    prototype[key] = value;
    try {
      return run();
    } finally {
      delete prototype[key];
    }
  }

  test('Object.prototype.message is not posted by close()', async () => {
    await using fake = await startFake();
    const { id } = fake.conversations.add({ state: 'open' });
    const conversations = createConversations({ token: TOKEN, baseUrl: fake.url });

    const closed = await whilePolluted('message', 'x', () =>
      conversations.close(id, { adminId: ADMIN_ID }),
    );

    expect(closed.state).toBe('closed');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body).not.toHaveProperty('body');
  });

  test('an inherited retry option or signal changes nothing', async () => {
    await using fake = await startFake();
    const { id } = fake.conversations.add({ state: 'closed' });
    const conversations = whilePolluted('retry', 'many', () =>
      createConversations({ token: TOKEN, baseUrl: fake.url }),
    );

    const opened = await whilePolluted('signal', 'not a signal', () =>
      conversations.open(id, { adminId: ADMIN_ID }),
    );

    expect(opened.state).toBe('open');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('option errors describe a value, never quote it', () => {
  test.each([
    ['region', { token: TOKEN, region: TOKEN }],
    ['baseUrl', { token: TOKEN, baseUrl: TOKEN }],
    ['intercomVersion', { token: TOKEN, intercomVersion: `${TOKEN} x` }],
    ['timeoutMs', { token: TOKEN, timeoutMs: TOKEN }],
    ['retry', { token: TOKEN, retry: TOKEN }],
    ['headers.X-Api', { token: TOKEN, headers: { 'X-Api': `${TOKEN}\n` } }],
    ['token', { token: `Bearer ${TOKEN}` }],
  ])('the token given as %s is not in the ValidationError', (field, options) => {
    const error = collect(catching(() => createConversations(options as never)));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).not.toContain(TOKEN);
  });

  test('a string is described by its length', () => {
    const error = catching(() => createConversations({ token: TOKEN, region: 'mars' as never }));
    expect((error as ValidationError).problem).toBe(
      'is a string of 4 characters, not a known region',
    );
  });
});

function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
