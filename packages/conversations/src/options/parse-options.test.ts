import type { FakeIntercom } from '@conversation-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createConversations,
  ValidationError,
  type Conversations,
  type ConversationsOptions,
} from '../index.js';
import { ADMIN_ID, clientFor, fakesClosedAfterEach } from '../test-support/actions-fixtures.js';
import { collect, rejectionOf } from '../test-support/collected-errors.js';
import { TOKEN } from '../test-support/token.js';

const startFake = fakesClosedAfterEach();
const ID = '1000000001';

let fake: FakeIntercom;

beforeEach(async () => {
  fake = await startFake();
  fake.conversations.add({ id: ID, state: 'open' });
});

describe('createConversations() options', () => {
  const create = (options: unknown) => async () =>
    createConversations(options as ConversationsOptions);

  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'options'],
    ['null', null, 'options'],
    ['a string', TOKEN, 'options'],
    ['a timeoutMs of 0', { token: TOKEN, timeoutMs: 0 }, 'timeoutMs'],
    ['a negative timeoutMs', { token: TOKEN, timeoutMs: -1 }, 'timeoutMs'],
    ['a fractional timeoutMs', { token: TOKEN, timeoutMs: 1.5 }, 'timeoutMs'],
    ['a timeoutMs of NaN', { token: TOKEN, timeoutMs: Number.NaN }, 'timeoutMs'],
    ['a timeoutMs of Infinity', { token: TOKEN, timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs'],
    ['a timeoutMs as a string', { token: TOKEN, timeoutMs: '1000' }, 'timeoutMs'],
    ['a timeoutMs of null', { token: TOKEN, timeoutMs: null }, 'timeoutMs'],
    ['a negative retry', { token: TOKEN, retry: -1 }, 'retry'],
    ['a fractional retry', { token: TOKEN, retry: 0.5 }, 'retry'],
    ['a retry as a string', { token: TOKEN, retry: '2' }, 'retry'],
    [
      'a negative retry.maxRetries',
      { token: TOKEN, retry: { maxRetries: -1 } },
      'retry.maxRetries',
    ],
    ['an unknown retry setting', { token: TOKEN, retry: { maxRetry: 1 } }, 'retry.maxRetry'],
    ['the former maxRetries option', { token: TOKEN, maxRetries: 1 }, 'maxRetries'],
    ['an unknown option', { token: TOKEN, timeout: 1 }, 'timeout'],
    ['a maxResponseBytes below 1 KiB', { token: TOKEN, maxResponseBytes: 10 }, 'maxResponseBytes'],
    ['a random that is not a function', { token: TOKEN, random: 0.5 }, 'random'],
    ['a missing token', {}, 'token'],
    ['an empty token', { token: '' }, 'token'],
    ['a token as a number', { token: 42 }, 'token'],
    ['a token with "Bearer "', { token: `Bearer ${TOKEN}` }, 'token'],
    ['a token with a line break', { token: `${TOKEN}\n` }, 'token'],
    ['a region and a baseUrl', { token: TOKEN, region: 'eu', baseUrl: 'http://x' }, 'baseUrl'],
    ['a baseUrl that is not a URL', { token: TOKEN, baseUrl: 'intercom' }, 'baseUrl'],
    ['a baseUrl with a query', { token: TOKEN, baseUrl: 'http://x/?a=1' }, 'baseUrl'],
    ['a baseUrl with credentials', { token: TOKEN, baseUrl: 'http://u:p@x/' }, 'baseUrl'],
    ['an unknown region', { token: TOKEN, region: 'mars' }, 'region'],
    ['the token pasted into region', { token: TOKEN, region: TOKEN }, 'region'],
    ['headers that are an array', { token: TOKEN, headers: [] }, 'headers'],
    [
      'a header setting Authorization',
      { token: TOKEN, headers: { authorization: 'x' } },
      'headers.authorization',
    ],
    [
      'a header value with a line break',
      { token: TOKEN, headers: { 'X-A': 'a\r\nB: c' } },
      'headers.X-A',
    ],
    ['a header name with a space', { token: TOKEN, headers: { 'X A': 'a' } }, 'headers'],
    ['a header value as a number', { token: TOKEN, headers: { 'X-A': 1 } }, 'headers.X-A'],
  ])('%s is refused', async (_name, options, field) => {
    const error = await rejectionOf(create(options)());
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(fake.requests).toHaveLength(0);
  });

  it('a retry of 0 and a timeoutMs of 1 are fine', () => {
    expect(() => createConversations({ token: TOKEN, retry: 0, timeoutMs: 1 })).not.toThrow();
  });

  it('a timeoutMs beyond what a timer can hold is refused, or honoured', async () => {
    let client: Conversations;
    try {
      client = clientFor(fake, { timeoutMs: 2 ** 31, retry: 0 });
    } catch (error) {
      collect(error);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('timeoutMs');
      return;
    }
    fake.fault('next', { type: 'delay', ms: 50 });
    await expect(client.open(ID, { adminId: ADMIN_ID }).catch(collect)).resolves.toMatchObject({
      state: 'open',
    });
  });
});
