import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  ConversationsError,
  createConversations,
  ServerError,
  UnexpectedResponseError,
} from '../index.js';
import { rejectionOf } from '../test-support/collected-errors.js';
import {
  loopbackServersClosedAfterEach,
  type ReceivedRequest,
} from '../test-support/loopback-servers.js';
import { TOKEN } from '../test-support/token.js';
import { REDACTED, redactSecret } from './redact-secret.js';

const servers = loopbackServersClosedAfterEach();

function percentEncoded(text: string, hexCase: 'upper' | 'lower' = 'upper'): string {
  return [...text]
    .map((char) => {
      const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
      return `%${hexCase === 'upper' ? hex.toUpperCase() : hex}`;
    })
    .join('');
}

/** The token as a server could give it back. */
const ECHOED_FORMS: [string, (token: string) => string][] = [
  ['as sent', (token) => `Bearer ${token}`],
  ['percent-encoded', (token) => percentEncoded(`Bearer ${token}`)],
  ['percent-encoded in lower case', (token) => percentEncoded(token, 'lower')],
  ['folded over lines', (token) => (token.match(/.{1,8}/g) ?? []).join('\r\n ')],
  ['in base64', (token) => btoa(token)],
];

/** The token in every form the tests look for. */
const SECRET_FORMS = [
  TOKEN,
  `Bearer ${TOKEN}`,
  percentEncoded(TOKEN),
  percentEncoded(TOKEN, 'lower'),
  btoa(TOKEN).replace(/=+$/, ''),
  // A start of it, as an excerpt cut short would show.
  TOKEN.slice(0, 8),
  percentEncoded(TOKEN.slice(0, 6)),
  percentEncoded(TOKEN.slice(0, 6), 'lower'),
];

/** Every way a user could print or log the error, including `console.error`. */
function printedForms(error: unknown): string[] {
  let printed = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed += chunk.toString();
      done();
    },
  });
  new Console({ stdout: sink, stderr: sink }).error(error);
  const { message, stack } = error as Error;
  return [
    printed,
    String(error),
    message,
    stack ?? '',
    JSON.stringify(error) ?? '',
    JSON.stringify((error as ConversationsError).toJSON?.()) ?? '',
    inspect(error, { depth: Infinity, showHidden: true }),
  ];
}

function expectNoSecret(error: unknown): void {
  for (const form of printedForms(error)) {
    for (const secret of SECRET_FORMS) expect(form).not.toContain(secret);
    expect(form.toLowerCase()).not.toContain(TOKEN.toLowerCase());
  }
}

function clientOf(url: string) {
  return createConversations({ token: TOKEN, baseUrl: url, timeoutMs: 5_000, retry: 0 });
}

/** The token the request carried, read from its header: what an echoing server gives back. */
function tokenOf(request: ReceivedRequest): string {
  return String(request.headers.authorization).replace(/^Bearer /, '');
}

describe('a server that echoes the token', () => {
  it('as the raw request, so the client fails to parse it: no form of the error shows it', async () => {
    const server = await servers.echoing();

    const error = await rejectionOf(clientOf(server.url).close('123', { adminId: '991267' }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).mayHaveBeenApplied).toBe(true);
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ['POST', '/conversations/123/parts'],
    ]);
    // What came back did hold the bearer line.
    expect(server.requests[0]!.body).toContain(`Bearer ${TOKEN}`);
    expectNoSecret(error);
    // The causes still say what failed, without the raw bytes.
    const fetchFailure = (error as Error).cause as Error;
    const parserFailure = fetchFailure.cause as Error & { code?: string; data?: unknown };
    expect(fetchFailure.message).toBe('fetch failed');
    expect(parserFailure.name).toBe('HTTPParserError');
    expect(parserFailure.code).toBe('HPE_INVALID_CONSTANT');
    expect(parserFailure.data).toBeUndefined();
  });

  describe.each(ECHOED_FORMS)('%s', (_, echoed) => {
    it('in errors[].message, code and field, and request_id', async () => {
      const server = await servers.answering({
        status: 401,
        headers: { 'Content-Type': 'application/json' },
        body: (request) =>
          JSON.stringify({
            type: 'error.list',
            request_id: echoed(tokenOf(request)),
            errors: [
              {
                code: echoed(tokenOf(request)),
                message: `Token ${echoed(tokenOf(request))} is invalid`,
                field: echoed(tokenOf(request)),
              },
            ],
          }),
      });

      const error = await rejectionOf(clientOf(server.url).open('123', { adminId: '991267' }));

      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as ApiError).mayHaveBeenApplied).toBe(false);
      expect(server.requests).toHaveLength(1);
      expectNoSecret(error);
      expect((error as ApiError).errors[0]?.message).toMatch(/^Token .*\[redacted\].* is invalid$/);
      expect((error as ApiError).requestId).toContain(REDACTED);
    });

    it('in an HTML error page', async () => {
      const server = await servers.answering({
        status: 502,
        body: (request) =>
          `<html><body><h1>Bad Gateway</h1><pre>Authorization: ${echoed(tokenOf(request))}</pre></body></html>`,
      });

      const error = await rejectionOf(clientOf(server.url).open('123', { adminId: '991267' }));

      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).mayHaveBeenApplied).toBe(true);
      expect(server.requests).toHaveLength(1);
      expectNoSecret(error);
      expect((error as Error).message).toContain('Bad Gateway Authorization:');
    });
  });

  it('cut short at the end of an excerpt: no start of it is left', async () => {
    const server = await servers.answering({
      status: 500,
      body: (request) => `${'x'.repeat(100)} Bearer ${tokenOf(request)}`,
    });

    const error = await rejectionOf(clientOf(server.url).open('123', { adminId: '991267' }));

    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    expectNoSecret(error);
    expect((error as Error).message).toMatch(/Bearer \[redacted\]\.\.\.\./);
    expect((error as Error).message).not.toContain(TOKEN.slice(0, 6));
  });

  it('in a 200 that is not JSON, and in one whose conversation field holds it', async () => {
    const notJson = await servers.answering({
      status: 200,
      body: (request) => `<p>Bearer ${tokenOf(request)}</p>`,
    });
    const notJsonError = await rejectionOf(
      clientOf(notJson.url).open('123', { adminId: '991267' }),
    );
    expect(notJsonError).toBeInstanceOf(UnexpectedResponseError);
    expect((notJsonError as UnexpectedResponseError).mayHaveBeenApplied).toBe(true);
    expect(notJson.requests).toHaveLength(1);
    expectNoSecret(notJsonError);

    const wrongAssignee = await servers.answering({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: (request) =>
        JSON.stringify({
          type: 'conversation',
          id: '123',
          state: 'open',
          open: true,
          admin_assignee_id: `Bearer ${tokenOf(request)}`,
        }),
    });
    const wrongAssigneeError = await rejectionOf(
      clientOf(wrongAssignee.url).assign('123', {
        adminId: '991267',
        assignee: { type: 'admin', id: '991267' },
      }),
    );
    expect(wrongAssigneeError).toBeInstanceOf(UnexpectedResponseError);
    expect(wrongAssignee.requests).toHaveLength(1);
    expect((wrongAssigneeError as Error).message).toContain(`Bearer ${REDACTED}`);
    expectNoSecret(wrongAssigneeError);
  });
});

describe('redactSecret', () => {
  it('keeps the class and fields of an error, and copies its causes plainly', () => {
    const transport = Object.assign(new Error(`parse failed near Bearer ${TOKEN}`), {
      name: 'HTTPParserError',
      code: 'HPE_INVALID_CONSTANT',
      data: `POST / HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\n`,
      headers: { authorization: `Bearer ${TOKEN}` },
      buffer: Buffer.from(TOKEN),
    });
    const error = new ConnectionError(`failed: ${TOKEN}`, {
      mayHaveBeenApplied: true,
      cause: new TypeError('fetch failed', { cause: transport }),
    });

    const redacted = redactSecret(error, TOKEN) as ConnectionError;

    expect(redacted).toBe(error);
    expect(redacted).toBeInstanceOf(ConnectionError);
    expect(redacted.name).toBe('ConnectionError');
    expect(redacted.mayHaveBeenApplied).toBe(true);
    expect(redacted.message).toBe(`failed: ${REDACTED}`);
    expect(redacted.toJSON()).toStrictEqual({
      name: 'ConnectionError',
      message: `failed: ${REDACTED}`,
      mayHaveBeenApplied: true,
    });
    const cause = (redacted.cause as Error).cause as Error & Record<string, unknown>;
    expect(cause).toMatchObject({ name: 'HTTPParserError', code: 'HPE_INVALID_CONSTANT' });
    expect(cause.message).toBe(`parse failed near Bearer ${REDACTED}`);
    expect(Object.keys(cause)).toEqual(['code']);
    expectNoSecret(redacted);
  });

  it('survives causes whose getters throw, Proxies that throw on every trap, and cycles', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error(TOKEN);
        },
        getOwnPropertyDescriptor: () => {
          throw new Error(TOKEN);
        },
        ownKeys: () => {
          throw new Error(TOKEN);
        },
        has: () => {
          throw new Error(TOKEN);
        },
        getPrototypeOf: () => {
          throw new Error(TOKEN);
        },
      },
    );
    const throwingGetter = Object.defineProperty(new Error('getter'), 'message', {
      get: () => {
        throw new Error(TOKEN);
      },
    });
    const cyclic = new Error(`cyclic ${TOKEN}`) as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    for (const cause of [hostile, throwingGetter, cyclic]) {
      const error = new ServerError({
        status: 502,
        errors: [],
        requestId: null,
        rateLimit: undefined,
        bodyExcerpt: TOKEN,
      });
      Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true });

      const redacted = redactSecret(error, TOKEN);

      expect(redacted).toBeInstanceOf(ServerError);
      expectNoSecret(redacted);
    }
  });

  it('bounds the depth of a cause chain and the length of what it keeps', () => {
    let cause: unknown = new Error('bottom');
    for (let depth = 0; depth < 100; depth += 1) {
      cause = new Error(`level ${depth} ${'x'.repeat(100_000)}`, { cause });
    }
    const error = new ConversationsError('top', { cause });

    redactSecret(error, TOKEN);

    let depth = 0;
    for (let current: unknown = error.cause; current; current = (current as Error).cause) {
      expect((current as Error).message.length).toBeLessThanOrEqual(8192);
      depth += 1;
    }
    expect(depth).toBeLessThanOrEqual(5);
  });

  it('leaves an error alone without a token, and redacts a thrown string', () => {
    const error = new ConversationsError(`text ${TOKEN}`);
    expect(redactSecret(error, undefined)).toBe(error);
    expect(error.message).toBe(`text ${TOKEN}`);
    expect(redactSecret(`thrown ${TOKEN}`, TOKEN)).toBe(`thrown ${REDACTED}`);
    error.message = 'clean';
  });

  it('redacts a frozen error by a plain copy', () => {
    const frozen = Object.freeze(new Error(`frozen ${TOKEN}`));
    const redacted = redactSecret(frozen, TOKEN) as Error;
    expect(redacted.message).toBe(`frozen ${REDACTED}`);
    expectNoSecret(redacted);
  });
});
