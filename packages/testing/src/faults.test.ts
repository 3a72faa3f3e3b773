import type { Conversation } from '@conversation-kit/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import type { Fault } from './faults.js';
import { closeFakes, partsOf, startFake } from './test-support/fakes.js';
import { manage, waitUntil } from './test-support/http.js';
import { expectConversation } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const close = { message_type: 'close', type: 'admin', admin_id: ADMIN };
const open = { message_type: 'open', admin_id: ADMIN };

let fake: FakeIntercom;
let conversation: Conversation;

beforeEach(async () => {
  fake = await startFake();
  fake.admins.add(ADMIN);
  conversation = fake.conversations.add({ state: 'open' });
});
afterEach(closeFakes);

/** The raw `fetch` of an action, for faults whose answer is not a JSON body to parse. */
function rawManage(id: string, action: object, signal?: AbortSignal): Promise<Response> {
  return fetch(`${fake.url}/conversations/${id}/parts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(action),
    ...(signal ? { signal } : {}),
  });
}

/** Asserts that the request goes through untouched by any fault. */
async function expectUnfaulted(id = conversation.id): Promise<void> {
  expectConversation(await manage(fake, id, open));
  expect(fake.requests.at(-1)?.fault).toBeUndefined();
}

describe('a status fault', () => {
  // The injected answers are the test's own, for statuses the spec does not declare, so they
  // are compared with what was injected rather than validated against the spec.
  it('answers 500 with a JSON body and the given headers, changing nothing', async () => {
    const body = { type: 'error.list', errors: [{ code: 'server_error', message: 'Oops' }] };
    fake.fault('next', { type: 'status', status: 500, body, headers: { 'Retry-After': '7' } });
    const response = await rawManage(conversation.id, close);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual(body);
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
    expect(fake.requests[0]).toMatchObject({ status: 500, applied: false, fault: 'status' });
  });

  it('answers 502 with an HTML body, changing nothing', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    fake.fault('next', { type: 'status', status: 502, body: html });
    const response = await rawManage(conversation.id, close);

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(html);
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
    expect(fake.requests[0]).toMatchObject({ status: 502, applied: false, fault: 'status' });
  });

  it('answers an empty body when given none', async () => {
    fake.fault('next', { type: 'status', status: 503 });
    const response = await rawManage(conversation.id, close);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('');
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
  });

  it('lets a header given in lower case replace the default one', async () => {
    fake.fault('next', {
      type: 'status',
      status: 503,
      body: 'Service Unavailable',
      headers: { 'content-type': 'text/plain' },
    });
    const response = await rawManage(conversation.id, close);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/plain');
  });
});

describe('a delay fault', () => {
  it('answers normally once the delay is over', async () => {
    fake.fault('next', { type: 'delay', ms: 150 });
    const response = await manage(fake, conversation.id, close);
    expect(expectConversation(response).state).toBe('closed');
    expect(fake.requests[0]).toMatchObject({ status: 200, applied: true, fault: 'delay' });
  });

  it('lets a client time out while the fake is still delaying, before anything is applied', async () => {
    fake.fault('next', { type: 'delay', ms: 60_000 });
    // The client gives up once the fake holds the request, however slow the machine is.
    const giveUp = new AbortController();
    const request = rawManage(conversation.id, close, giveUp.signal);
    await waitUntil(() => fake.requests.length === 1);
    giveUp.abort(new DOMException('The client stopped waiting.', 'TimeoutError'));
    await expect(request).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(fake.requests[0]).toMatchObject({ status: 0, applied: false, fault: 'delay' });
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
  });

  it('is cut short by close(), which resolves while the client sees its request fail', async () => {
    fake.fault('next', { type: 'delay', ms: 60_000 });
    const request = rawManage(conversation.id, close);
    request.catch(() => {}); // Judged below; keeps the rejection from counting as unhandled.
    await waitUntil(() => fake.requests.length === 1);
    // A 60-second delay that held close() up would fail this test on its timeout.
    await fake.close();
    await expect(request).rejects.toThrow(TypeError);
    expect(fake.requests[0]).toMatchObject({ status: 0, applied: false });
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
  });
});

describe('a destroy fault', () => {
  it('before-apply: the request fails and nothing changes', async () => {
    fake.fault('next', { type: 'destroy', when: 'before-apply' });
    await expect(rawManage(conversation.id, close)).rejects.toThrow(TypeError);
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
    expect(fake.requests[0]).toMatchObject({ status: 0, applied: false, fault: 'destroy' });
    await expectUnfaulted();
  });

  it('after-apply: the request fails yet the change happened, so a retry posts it twice', async () => {
    fake.fault('next', { type: 'destroy', when: 'after-apply' });
    await expect(rawManage(conversation.id, close)).rejects.toThrow(TypeError);

    const changed = fake.conversations.get(conversation.id);
    expect(changed?.state).toBe('closed');
    expect(partsOf(changed).map((part) => part.part_type)).toEqual(['close']);
    expect(fake.requests[0]).toMatchObject({ status: 0, applied: true, fault: 'destroy' });

    // The client cannot tell, and retries: the conversation now has the close twice.
    const retried = expectConversation(await manage(fake, conversation.id, close));
    expect(partsOf(retried).map((part) => part.part_type)).toEqual(['close', 'close']);
  });
});

describe.each([['malformed-json' as const], ['truncated-json' as const]])('a %s fault', (type) => {
  it('applies the change, then answers 200 with a body that is not JSON', async () => {
    fake.fault('next', { type });
    const response = await rawManage(conversation.id, close);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
    expect(fake.conversations.get(conversation.id)?.state).toBe('closed');
    expect(fake.requests[0]).toMatchObject({ status: 200, applied: true, fault: type });
    await expectUnfaulted();
  });
});

it('a truncated-json fault sends the first part of the real answer', async () => {
  fake.fault('next', { type: 'truncated-json' });
  const text = await (await rawManage(conversation.id, close)).text();
  const whole = JSON.stringify(fake.conversations.get(conversation.id));
  expect(text.length).toBeGreaterThan(0);
  expect(text.length).toBeLessThan(whole.length);
  expect(whole.startsWith(text)).toBe(true);
});

describe('triggers', () => {
  const failure: Fault = { type: 'status', status: 500, body: 'boom' };

  it("'next' strikes once", async () => {
    const handle = fake.fault('next', failure);
    expect(handle.hits).toBe(0);
    expect((await rawManage(conversation.id, close)).status).toBe(500);
    expect(handle.hits).toBe(1);
    await expectUnfaulted();
    expect(handle.hits).toBe(1);
  });

  it('a count strikes that many requests in a row, then stops', async () => {
    const handle = fake.fault(2, failure);
    expect((await rawManage(conversation.id, close)).status).toBe(500);
    expect(handle.hits).toBe(1);
    expect((await rawManage(conversation.id, close)).status).toBe(500);
    expect(handle.hits).toBe(2);
    await expectUnfaulted();
    expect(handle.hits).toBe(2);
    expect(fake.requests.map((request) => request.fault)).toEqual(['status', 'status', undefined]);
  });

  it('a predicate strikes each request it matches until removed', async () => {
    const other = fake.conversations.add();
    const seen: Array<{ method: string; path: string }> = [];
    const handle = fake.fault((request) => {
      seen.push({ ...request });
      return request.path === `/conversations/${conversation.id}/parts`;
    }, failure);

    expect((await rawManage(conversation.id, close)).status).toBe(500);
    await expectUnfaulted(other.id);
    expect((await rawManage(conversation.id, close)).status).toBe(500);
    expect((await rawManage(conversation.id, close)).status).toBe(500);
    expect(handle.hits).toBe(3);
    expect(seen[0]).toEqual({ method: 'POST', path: `/conversations/${conversation.id}/parts` });

    handle.remove();
    await expectUnfaulted();
    expect(handle.hits).toBe(3);
    expect(fake.conversations.get(conversation.id)?.conversation_parts?.total_count).toBe(1);
  });

  it('remove() before any request means it never strikes', async () => {
    const handle = fake.fault(3, failure);
    handle.remove();
    handle.remove();
    await expectUnfaulted();
    expect(handle.hits).toBe(0);
  });

  it('waits for a request the fake takes in: one refused from its headers does not use it up', async () => {
    const handle = fake.fault('next', failure);
    expect((await manage(fake, conversation.id, close, { token: null })).status).toBe(401);
    expect(handle.hits).toBe(0);
    expect((await rawManage(conversation.id, close)).status).toBe(500);
    expect(handle.hits).toBe(1);
    expect(fake.requests.map(({ status, fault }) => ({ status, fault }))).toEqual([
      { status: 401, fault: undefined },
      { status: 500, fault: 'status' },
    ]);
  });

  it('the fault injected first strikes first', async () => {
    fake.fault('next', { type: 'status', status: 503 });
    fake.fault('next', { type: 'status', status: 504 });
    expect((await rawManage(conversation.id, close)).status).toBe(503);
    expect((await rawManage(conversation.id, close)).status).toBe(504);
    await expectUnfaulted();
  });
});

describe('an invalid fault', () => {
  it.each<[string, unknown, RegExp]>([
    ['a status below 100', { type: 'status', status: 99 }, /status from 200 to 599, not 99/],
    ['a status above 599', { type: 'status', status: 600 }, /status from 200 to 599, not 600/],
    ['a fractional status', { type: 'status', status: 500.5 }, /status from 200 to 599/],
    ['a status that is a string', { type: 'status', status: '500' }, /status from 200 to 599/],
    ['a negative delay', { type: 'delay', ms: -1 }, /delay fault needs ms of 0 or more, not -1/],
    ['an endless delay', { type: 'delay', ms: Infinity }, /delay fault needs ms/],
    ['a delay without ms', { type: 'delay' }, /delay fault needs ms/],
    ['a destroy at no known moment', { type: 'destroy', when: 'during' }, /before-apply/],
    ['an unknown type', { type: 'explode' }, /A fault needs type/],
    ['no fault at all', undefined, /A fault needs type/],
  ])('is refused with a TypeError naming the problem: %s', (_name, fault, message) => {
    expect(() => fake.fault('next', fault as Fault)).toThrow(TypeError);
    expect(() => fake.fault('next', fault as Fault)).toThrow(message);
  });

  it.each([[0], [-2], [1.5], [Number.NaN]])('is refused for a count of %s', (count) => {
    expect(() => fake.fault(count, { type: 'malformed-json' })).toThrow(TypeError);
    expect(() => fake.fault(count, { type: 'malformed-json' })).toThrow(/whole number/);
  });

  it('is not armed when refused', async () => {
    expect(() => fake.fault(0, { type: 'malformed-json' })).toThrow(TypeError);
    expect(() => fake.fault('next', { type: 'delay', ms: -5 })).toThrow(TypeError);
    await expectUnfaulted();
  });

  it('is refused for an informational status, which cannot be a final answer', () => {
    expect(() => fake.fault('next', { type: 'status', status: 103 })).toThrow(TypeError);
  });

  it('is refused for a trigger that is neither next, a count nor a predicate', async () => {
    expect(() => fake.fault('nxt' as 'next', { type: 'status', status: 500 })).toThrow(TypeError);
  });
});

describe('a fault predicate that throws', () => {
  it('answers 500 naming the error instead of dropping the connection', async () => {
    fake.fault(
      () => {
        throw new Error('predicate bug');
      },
      { type: 'status', status: 503 },
    );
    const response = await rawManage(conversation.id, close);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('A fault predicate threw: predicate bug');
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
  });
});
