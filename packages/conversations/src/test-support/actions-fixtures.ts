import {
  startFakeIntercom,
  type FakeIntercom,
  type FakeIntercomOptions,
} from '@conversation-kit/testing';
import { afterEach } from 'vitest';
import { createConversations, type Conversations, type ConversationsOptions } from '../index.js';
import { TOKEN } from './token.js';

import { ADMIN_ID, NOW_MS, OTHER_ADMIN_ID, TEAM_ID } from './constants.js';

export { ADMIN_ID, NOW_MS, NOW_SECONDS, OTHER_ADMIN_ID, TEAM_ID } from './constants.js';

/**
 * Registers an `afterEach` that closes every fake started in the test, and returns how to start
 * one: a fake that accepts `TOKEN`, runs on the clock `NOW_MS` and knows `ADMIN_ID`,
 * `OTHER_ADMIN_ID` and `TEAM_ID`.
 *
 * @example
 * const startFake = fakesClosedAfterEach();
 * it('…', async () => {
 *   const fake = await startFake();
 * });
 */
export function fakesClosedAfterEach(): (options?: FakeIntercomOptions) => Promise<FakeIntercom> {
  const started: FakeIntercom[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });
  return async (options = {}) => {
    const fake = await startFakeIntercom({ token: TOKEN, now: () => NOW_MS, ...options });
    started.push(fake);
    fake.admins.add(ADMIN_ID);
    fake.admins.add(OTHER_ADMIN_ID);
    fake.teams.add(TEAM_ID);
    return fake;
  };
}

/**
 * A client of the fake, with `TOKEN` and the clock `NOW_MS`; sleeps fail the test, since no test
 * here expects a wait.
 *
 * @example
 * const conversations = clientFor(fake, { retry: 0 });
 */
export function clientFor(
  fake: FakeIntercom,
  options: Omit<ConversationsOptions, 'token' | 'baseUrl'> & {
    /** The number of retries, as `retry: n`; older suites spell it this way. */
    maxRetries?: number;
  } = {},
): Conversations {
  const { maxRetries, ...rest } = options;
  return createConversations({
    token: TOKEN,
    baseUrl: fake.url,
    now: () => NOW_MS,
    sleep: (ms) => Promise.reject(new Error(`unexpected wait of ${ms} ms`)),
    ...(maxRetries === undefined ? {} : { retry: maxRetries }),
    ...rest,
  });
}
