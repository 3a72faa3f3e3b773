import type { FakeIntercom } from '@conversation-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  ConversationsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  type Conversations,
} from './index.js';
import {
  ADMIN_ID,
  clientFor,
  fakesClosedAfterEach,
  NOW_MS,
  NOW_SECONDS,
  TEAM_ID,
} from './test-support/actions-fixtures.js';
import { rejectionOf } from './test-support/collected-errors.js';

const startFake = fakesClosedAfterEach();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let fake: FakeIntercom;
/** Retries on: every error here but 429 and 503 must come from the first answer anyway. */
let conversations: Conversations;
/** No retries, for the answers that would be retried. */
let once: Conversations;
let id: string;

beforeEach(async () => {
  fake = await startFake();
  conversations = clientFor(fake);
  once = clientFor(fake, { maxRetries: 0 });
  id = fake.conversations.add({ state: 'open' }).id;
});

function errorList(code: string, message: string, field?: string) {
  return {
    type: 'error.list',
    request_id: `req-${code}`,
    errors: [field === undefined ? { code, message } : { code, message, field }],
  };
}

/** The fake's rate-limit headers for the default limit, after one request in the window. */
const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': '1666',
  'X-RateLimit-Remaining': '1665',
  'X-RateLimit-Reset': String(NOW_SECONDS + 10),
};
const RATE_LIMIT = { limit: 1666, remaining: 1665, resetAt: new Date((NOW_SECONDS + 10) * 1000) };

describe('each status maps to its class', () => {
  it.each([
    [401, AuthenticationError, 'unauthorized', 'Access Token Invalid'],
    [403, PermissionDeniedError, 'api_plan_restricted', 'Active subscription needed.'],
    [404, NotFoundError, 'not_found', 'Resource Not Found'],
    [400, ApiError, 'parameter_invalid', 'admin_id must be a string'],
    [409, ApiError, 'conflict', 'Conflict'],
    [422, ApiError, 'unprocessable', 'Cannot do that'],
  ] as const)('%i is %O', async (status, type, code, message) => {
    fake.fault('next', {
      type: 'status',
      status,
      body: errorList(code, message, status === 400 ? 'admin_id' : undefined),
      headers: RATE_LIMIT_HEADERS,
    });
    const error = await rejectionOf(conversations.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ConversationsError);
    expect((error as Error).constructor).toBe(type);
    expect(error).toMatchObject({
      name: type.name,
      status,
      errors: [{ code, message, field: status === 400 ? 'admin_id' : null }],
      requestId: `req-${code}`,
      rateLimit: RATE_LIMIT,
      mayHaveBeenApplied: false,
    });
    expect((error as Error).message).toBe(
      `Intercom answered ${status}: ${code}${status === 400 ? ' (admin_id)' : ''}: ${message} [request req-${code}].`,
    );
    // Not retried: retrying cannot help.
    expect(fake.requests).toHaveLength(1);
    expect(fake.conversations.get(id)?.state).toBe('open');
  });

  it.each([
    [500, true],
    [502, true],
    [503, false],
    [504, true],
  ])('%i is a ServerError; mayHaveBeenApplied: %s', async (status, mayHaveBeenApplied) => {
    fake.fault('next', {
      type: 'status',
      status,
      body: errorList('server_error', 'Server Error'),
      headers: RATE_LIMIT_HEADERS,
    });
    const error = await rejectionOf(once.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toBeInstanceOf(ConversationsError);
    expect(error).toMatchObject({
      name: 'ServerError',
      status,
      errors: [{ code: 'server_error', message: 'Server Error', field: null }],
      requestId: 'req-server_error',
      rateLimit: RATE_LIMIT,
      mayHaveBeenApplied,
    });
    expect((error as Error).message.endsWith('The action may have been applied.')).toBe(
      mayHaveBeenApplied,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('an error.list without request_id or with partial entries is read as far as it goes', async () => {
    fake.fault('next', {
      type: 'status',
      status: 403,
      body: {
        type: 'error.list',
        errors: [{ message: 'No code' }, 'junk', { code: 'x', field: 'y' }],
      },
    });
    const error = await rejectionOf(conversations.open(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      requestId: null,
      rateLimit: undefined,
      errors: [
        { code: 'unknown', message: 'No code', field: null },
        { code: 'x', message: null, field: 'y' },
      ],
    });
  });
});

describe('errors the fake gives by itself', () => {
  it('an unknown conversation: 404 not_found', async () => {
    const error = await rejectionOf(conversations.close('424242', { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      errors: [{ code: 'not_found', message: 'Resource Not Found', field: null }],
      requestId: expect.stringMatching(UUID),
      rateLimit: RATE_LIMIT,
      mayHaveBeenApplied: false,
    });
    expect((error as ApiError).message).toContain(`[request ${(error as ApiError).requestId}]`);
  });

  it('an unknown admin: 404 admin_not_found on admin_id', async () => {
    const error = await rejectionOf(conversations.close(id, { adminId: '1234' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      errors: [{ code: 'admin_not_found', message: 'Admin Not Found', field: 'admin_id' }],
    });
    expect(fake.conversations.get(id)?.state).toBe('open');
  });

  it('an unknown team: 404 team_not_found on assignee_id', async () => {
    const error = await rejectionOf(
      conversations.assign(id, { adminId: ADMIN_ID, assignee: { type: 'team', id: 77 } }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      errors: [{ code: 'team_not_found', field: 'assignee_id' }],
    });
    expect(fake.conversations.get(id)?.team_assignee_id).toBeNull();
  });

  it('a snooze the server finds in the past: 400 parameter_invalid, a plain ApiError', async () => {
    // The client's clock is two hours behind the fake's, so it lets the past snooze through.
    const behind = clientFor(fake, { now: () => NOW_MS - 7_200_000 });
    const error = await rejectionOf(
      behind.snooze(id, { adminId: ADMIN_ID, until: NOW_SECONDS - 60 }),
    );
    expect((error as Error).constructor).toBe(ApiError);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 400,
      errors: [{ code: 'parameter_invalid', field: 'snoozed_until' }],
      mayHaveBeenApplied: false,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('an unknown Intercom-Version: 400 intercom_version_invalid', async () => {
    const old = clientFor(fake, { intercomVersion: '0.9' as never });
    const error = await rejectionOf(old.open(id, { adminId: ADMIN_ID }));
    expect((error as Error).constructor).toBe(ApiError);
    expect(error).toMatchObject({
      status: 400,
      errors: [{ code: 'intercom_version_invalid', field: 'Intercom-Version' }],
    });
  });

  it('the rate limit: 429, a RateLimitError with resetAt from X-RateLimit-Reset', async () => {
    fake = await startFake({ rateLimit: { limit: 1, windowSeconds: 10 } });
    const { id: other } = fake.conversations.add({ state: 'open' });
    // Another client spends the budget, so this one's pacer knows nothing and sends.
    await clientFor(fake).open(other, { adminId: ADMIN_ID });
    const error = await rejectionOf(
      clientFor(fake, { maxRetries: 0 }).close(other, { adminId: ADMIN_ID }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      name: 'RateLimitError',
      status: 429,
      errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 1', field: null }],
      requestId: expect.stringMatching(UUID),
      rateLimit: { limit: 1, remaining: 0, resetAt: new Date((NOW_SECONDS + 10) * 1000) },
      resetAt: new Date((NOW_SECONDS + 10) * 1000),
      mayHaveBeenApplied: false,
    });
    expect(fake.requests.map((request) => [request.status, request.applied])).toEqual([
      [200, true],
      [429, false],
    ]);
    expect(fake.conversations.get(other)?.state).toBe('open');
  });
});

describe('429 and resetAt', () => {
  const tooMany = (headers: Record<string, string>) =>
    fake.fault('next', {
      type: 'status',
      status: 429,
      body: errorList('rate_limit_exceeded', 'Exceeded rate limit of 1666'),
      headers,
    });

  it('Retry-After in seconds sets resetAt from now', async () => {
    tooMany({ 'Retry-After': '7', ...RATE_LIMIT_HEADERS });
    const error = await rejectionOf(once.open(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetAt).toEqual(new Date(NOW_MS + 7000));
    expect((error as RateLimitError).rateLimit).toEqual(RATE_LIMIT);
  });

  it('Retry-After as an HTTP date sets resetAt to it', async () => {
    tooMany({ 'Retry-After': new Date(NOW_MS + 42_000).toUTCString() });
    const error = await rejectionOf(once.open(id, { adminId: ADMIN_ID }));
    expect((error as RateLimitError).resetAt).toEqual(new Date(NOW_MS + 42_000));
    expect((error as RateLimitError).rateLimit).toBeUndefined();
  });

  it('without Retry-After, resetAt is X-RateLimit-Reset', async () => {
    tooMany({ ...RATE_LIMIT_HEADERS, 'X-RateLimit-Remaining': '0' });
    const error = await rejectionOf(once.open(id, { adminId: ADMIN_ID }));
    expect((error as RateLimitError).resetAt).toEqual(RATE_LIMIT.resetAt);
    expect((error as RateLimitError).rateLimit).toEqual({ ...RATE_LIMIT, remaining: 0 });
  });

  it('without either, resetAt is undefined', async () => {
    tooMany({});
    const error = await rejectionOf(once.open(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ resetAt: undefined, rateLimit: undefined });
  });
});

describe('a body that is not an error.list', () => {
  const BAD_GATEWAY =
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
    '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

  it('a 502 HTML page becomes a ServerError with its text and no tags', async () => {
    fake.fault('next', { type: 'status', status: 502, body: BAD_GATEWAY });
    const error = await rejectionOf(once.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 502,
      errors: [],
      requestId: null,
      mayHaveBeenApplied: true,
    });
    const { message } = error as ServerError;
    expect(message).toBe(
      'Intercom answered 502: non-JSON body: 502 Bad Gateway 502 Bad Gateway nginx. The action may have been applied.',
    );
    expect(message).not.toMatch(/[<>]/);
  });

  it('a long page is cut short', async () => {
    const page = `<html><body><p>${'Upstream unavailable. '.repeat(40)}</p></body></html>`;
    fake.fault('next', { type: 'status', status: 503, body: page });
    const error = await rejectionOf(once.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(ServerError);
    const { message } = error as ServerError;
    expect(message).toMatch(
      /^Intercom answered 503: non-JSON body: Upstream unavailable\. .*\.\.\.\.$/,
    );
    expect(message.length).toBeLessThan(200);
    expect(message).not.toMatch(/[<>]/);
  });

  it('an empty error body is named as such', async () => {
    fake.fault('next', { type: 'status', status: 403, body: '' });
    const error = await rejectionOf(conversations.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toBe('Intercom answered 403: non-JSON body: (empty).');
  });

  it('JSON that is not an error.list is quoted, not parsed', async () => {
    fake.fault('next', { type: 'status', status: 401, body: { message: 'Unauthorized' } });
    const error = await rejectionOf(conversations.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ errors: [], requestId: null });
    expect((error as Error).message).toContain('{"message":"Unauthorized"}');
  });
});

describe('UnexpectedResponseError: a 2xx that is not the conversation the action promises', () => {
  it.each(['malformed-json', 'truncated-json'] as const)(
    'a %s 200 body, after the action was applied',
    async (type) => {
      fake.fault('next', { type });
      const error = await rejectionOf(
        conversations.close(id, { adminId: ADMIN_ID, message: 'Bye' }),
      );
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toBeInstanceOf(ConversationsError);
      expect(error).toMatchObject({
        name: 'UnexpectedResponseError',
        status: 200,
        mayHaveBeenApplied: true,
      });
      expect((error as Error).message).toBe(
        'Intercom answered 200 with a body that is not JSON. The action may have been applied.',
      );
      // The action took effect, and was not repeated.
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({ status: 200, applied: true, fault: type });
      expect(fake.conversations.get(id)?.state).toBe('closed');
    },
  );

  it.each<[string, number, unknown, RegExp]>([
    ['an empty body', 200, '', /a body that is not JSON/],
    ['a 204 without a body', 204, '', /answered 204 with a body that is not JSON/],
    ['JSON null', 200, 'null', /JSON that is not a conversation/],
    ['an error.list', 200, errorList('x', 'y'), /JSON that is not a conversation/],
    [
      'a conversation without an id',
      200,
      { type: 'conversation', state: 'closed' },
      /not a conversation/,
    ],
    [
      'a conversation in an unknown state',
      200,
      { type: 'conversation', id: '1', state: 'done' },
      /not a conversation/,
    ],
    [
      'a conversation still open',
      200,
      { type: 'conversation', id: '1', state: 'open' },
      /whose state is "open", not "closed"/,
    ],
  ])('%s', async (_name, status, body, message) => {
    fake.fault('next', { type: 'status', status, body: body as string | object });
    const error = await rejectionOf(conversations.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status, mayHaveBeenApplied: true });
    expect((error as Error).message).toMatch(message);
    expect(fake.requests).toHaveLength(1);
  });

  it('a snooze answered without snoozed_until', async () => {
    const conversation = fake.conversations.get(id)!;
    fake.fault('next', {
      type: 'status',
      status: 200,
      body: { ...conversation, state: 'snoozed', snoozed_until: null },
    });
    const error = await rejectionOf(
      conversations.snooze(id, { adminId: ADMIN_ID, until: NOW_SECONDS + 60 }),
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain('without snoozed_until');
  });

  it('an assign answered with another assignee', async () => {
    const conversation = fake.conversations.get(id)!;
    fake.fault('next', {
      type: 'status',
      status: 200,
      body: { ...conversation, team_assignee_id: 1 },
    });
    const error = await rejectionOf(
      conversations.assign(id, { adminId: ADMIN_ID, assignee: { type: 'team', id: TEAM_ID } }),
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain(`team_assignee_id is 1, not ${TEAM_ID}`);
  });

  it('an unassign answered with the assignee still set', async () => {
    const conversation = fake.conversations.get(id)!;
    fake.fault('next', {
      type: 'status',
      status: 200,
      body: { ...conversation, admin_assignee_id: 5 },
    });
    const error = await rejectionOf(
      conversations.unassign(id, { adminId: ADMIN_ID, from: 'admin' }),
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain('admin_assignee_id is 5, not null');
  });

  it('a close answered by a conversation that is still open by its open flag', async () => {
    const conversation = fake.conversations.get(id)!;
    fake.fault('next', {
      type: 'status',
      status: 200,
      body: { ...conversation, state: 'closed', open: true },
    });
    const error = await rejectionOf(conversations.close(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
  });
});

describe('errors that are not answers', () => {
  it('a refused connection is a ConnectionError that was not applied', async () => {
    const { url } = fake;
    await fake.close();
    const error = await rejectionOf(once.open(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(ConversationsError);
    expect(error).toMatchObject({ name: 'ConnectionError', mayHaveBeenApplied: false });
    expect((error as Error).message).not.toContain(url);
  });

  it('a timeout is a TimeoutError that may have been applied', async () => {
    fake.fault('next', { type: 'delay', ms: 500 });
    const hasty = clientFor(fake, { timeoutMs: 20, maxRetries: 0 });
    const error = await rejectionOf(hasty.open(id, { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 20, mayHaveBeenApplied: true });
  });

  it('an aborted signal is an AbortError, and nothing is sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(
      conversations.open(id, { adminId: ADMIN_ID, signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ name: 'AbortError', mayHaveBeenApplied: false });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('toJSON()', () => {
  it('gives the name, the message and the fields of an ApiError', async () => {
    fake.fault('next', {
      type: 'status',
      status: 404,
      body: errorList('not_found', 'Resource Not Found'),
      headers: RATE_LIMIT_HEADERS,
    });
    const error = (await rejectionOf(conversations.open(id, { adminId: ADMIN_ID }))) as ApiError;
    expect(error.toJSON()).toStrictEqual({
      name: 'NotFoundError',
      message: 'Intercom answered 404: not_found: Resource Not Found [request req-not_found].',
      mayHaveBeenApplied: false,
      status: 404,
      errors: [{ code: 'not_found', message: 'Resource Not Found', field: null }],
      requestId: 'req-not_found',
      rateLimit: RATE_LIMIT,
    });
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual({
      ...error.toJSON(),
      rateLimit: { ...RATE_LIMIT, resetAt: RATE_LIMIT.resetAt.toISOString() },
    });
  });

  it('includes resetAt for a RateLimitError', async () => {
    fake.fault('next', { type: 'status', status: 429, headers: { 'Retry-After': '3' } });
    const error = (await rejectionOf(once.open(id, { adminId: ADMIN_ID }))) as RateLimitError;
    expect(error.toJSON()).toMatchObject({
      name: 'RateLimitError',
      status: 429,
      resetAt: new Date(NOW_MS + 3000),
    });
  });

  it('gives field and expected for a ValidationError', async () => {
    const error = (await rejectionOf(
      conversations.snooze(id, { adminId: ADMIN_ID, until: NOW_MS + 60_000 }),
    )) as ValidationError;
    expect(error.toJSON()).toStrictEqual({
      name: 'ValidationError',
      message: error.message,
      mayHaveBeenApplied: false,
      field: 'options.until',
      problem: error.problem,
      expected: error.expected,
    });
    expect(error.message).toMatch(
      /^options\.until is \d+, which looks like milliseconds; expected /,
    );
  });

  it('gives the status of an UnexpectedResponseError, and leaves out a cause', async () => {
    fake.fault('next', { type: 'truncated-json' });
    const error = (await rejectionOf(once.open(id, { adminId: ADMIN_ID }))) as ConversationsError;
    expect(error.toJSON()).toStrictEqual({
      name: 'UnexpectedResponseError',
      message: error.message,
      mayHaveBeenApplied: true,
      status: 200,
    });

    fake.fault('next', { type: 'delay', ms: 500 });
    const timeout = (await rejectionOf(
      clientFor(fake, { timeoutMs: 20, maxRetries: 0 }).open(id, { adminId: ADMIN_ID }),
    )) as TimeoutError;
    expect(timeout.cause).toBeDefined();
    expect(timeout.toJSON()).toStrictEqual({
      name: 'TimeoutError',
      message: 'No answer within 20 ms. The action may have been applied.',
      mayHaveBeenApplied: true,
      timeoutMs: 20,
    });
  });
});
