import { describe, expect, it } from 'vitest';
import { createConversations, ServerError, type ApiError } from '../index.js';
import { rejectionOf } from '../test-support/collected-errors.js';
import { loopbackServersClosedAfterEach } from '../test-support/loopback-servers.js';
import { TOKEN } from '../test-support/token.js';
import { apiErrorForAnswer } from './api-error-for-answer.js';

const servers = loopbackServersClosedAfterEach();
const KB = 1024;
const MB = 1024 * KB;

/** The longest message a body can make: the status, an excerpt of 120 characters, the note. */
const MAX_EXCERPT_MESSAGE_CHARS = 220;
/** The longest message an error.list can make: three details of 200 characters, and the rest. */
const MAX_DETAILS_MESSAGE_CHARS = 800;

function repeatedTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function nestedJson(size: number): string {
  const depth = Math.floor(size / 2);
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const HOSTILE_BODIES: [string, (size: number) => string][] = [
  ['<', (size) => repeatedTo('<', size)],
  ['<<<>', (size) => repeatedTo('<<<>', size)],
  ['<a ', (size) => repeatedTo('<a ', size)],
  ['unclosed [[[[', (size) => repeatedTo('[', size)],
  ['deep nested JSON', nestedJson],
  ['a JSON string of <', (size) => `"${repeatedTo('<', size - 2)}"`],
  ['whitespace', (size) => repeatedTo(' \t\r\n', size)],
  [
    'an error.list of many long entries',
    (size) => {
      const entry = JSON.stringify({ code: 'x'.repeat(1000), message: '<'.repeat(1000) });
      const count = Math.floor(size / (entry.length + 1));
      return `{"type":"error.list","errors":[${Array.from({ length: count }, () => entry).join(',')}]}`;
    },
  ],
];

describe('a 5xx with a hostile body ends as a ServerError whose message is bounded', () => {
  for (const size of [120 * KB, 2 * MB]) {
    it.each(HOSTILE_BODIES)(`%s, ${size / KB} KB`, async (_, bodyOf) => {
      const server = await servers.answering({ status: 502, body: bodyOf(size) });
      const conversations = createConversations({
        token: TOKEN,
        baseUrl: server.url,
        timeoutMs: 1000,
        retry: 0,
      });

      const error = (await rejectionOf(
        conversations.close('123', { adminId: '991267' }),
      )) as ApiError;

      expect(error).toBeInstanceOf(ServerError);
      expect(error.status).toBe(502);
      expect(error.mayHaveBeenApplied).toBe(true);
      expect(server.requests.map((request) => [request.method, request.url])).toEqual([
        ['POST', '/conversations/123/parts'],
      ]);
      if (error.errors.length === 0) {
        expect(error.message.length).toBeLessThanOrEqual(MAX_EXCERPT_MESSAGE_CHARS);
        expect(error.message).not.toMatch(/[<>]/);
      } else {
        expect(error.message.length).toBeLessThanOrEqual(MAX_DETAILS_MESSAGE_CHARS);
        expect(error.message).toMatch(/; and \d+ more\.( The action may have been applied\.)?$/);
      }
      expect(error.errors.length).toBeLessThanOrEqual(10);
      for (const detail of error.errors) {
        expect(detail.code.length).toBeLessThanOrEqual(500);
        expect(detail.message?.length ?? 0).toBeLessThanOrEqual(500);
      }
      expect(JSON.stringify(error).length).toBeLessThan(16 * KB);
    });
  }
});

describe('apiErrorForAnswer', () => {
  it('reads an error.list given as text as well as parsed', () => {
    const body = {
      type: 'error.list',
      request_id: 'req-1',
      errors: [{ code: 'not_found', message: 'Resource Not Found' }],
    };
    for (const given of [body, JSON.stringify(body)]) {
      const error = apiErrorForAnswer(404, given, undefined, undefined, false);
      expect(error).toMatchObject({
        name: 'NotFoundError',
        requestId: 'req-1',
        errors: [{ code: 'not_found', message: 'Resource Not Found', field: null }],
      });
    }
  });

  it('keeps at most 10 entries, each cut to 500 characters, and a request id of 200', () => {
    const body = {
      request_id: 'r'.repeat(10_000),
      errors: Array.from({ length: 1000 }, () => ({
        code: 'c'.repeat(10_000),
        message: 'm'.repeat(10_000),
        field: 'f'.repeat(10_000),
      })),
    };
    const error = apiErrorForAnswer(400, body, undefined, undefined, false);
    expect(error.errors).toHaveLength(10);
    for (const detail of error.errors) {
      expect([detail.code.length, detail.message?.length, detail.field?.length]).toEqual([
        500, 500, 500,
      ]);
      expect(detail.code.endsWith('...')).toBe(true);
    }
    expect(error.requestId).toHaveLength(200);
  });

  it('names a parsed body nested deeper than JSON.stringify can go', () => {
    let deep: unknown = 'bottom';
    for (let depth = 0; depth < 200_000; depth += 1) deep = [deep];
    const error = apiErrorForAnswer(502, deep, undefined, undefined, true);
    expect(error.message).toBe(
      'Intercom answered 502: non-JSON body: (JSON nested too deeply to show). The action may have been applied.',
    );
  });

  it('names a body with markup and no text', () => {
    const error = apiErrorForAnswer(502, '<html><br></html>', undefined, undefined, true);
    expect(error.message).toBe(
      'Intercom answered 502: non-JSON body: (markup only). The action may have been applied.',
    );
  });
});
