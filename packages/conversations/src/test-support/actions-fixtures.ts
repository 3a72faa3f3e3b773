import {
  startFakeIntercom,
  type FakeIntercom,
  type FakeIntercomOptions,
} from '@conversation-kit/testing';
import { afterEach } from 'vitest';
import { createConversations, type Conversations, type ConversationsOptions } from '../index.js';
import { TOKEN } from './token.js';

/** The admin and the team every fake started here knows. */
export const ADMIN_ID = '991267';
export const TEAM_ID = '5017691';
/** Another admin the fakes know, to assign conversations to. */
export const OTHER_ADMIN_ID = '814860';

/** The clock shared by fakes and clients, fixed so no test depends on the time: 2026-01-01T00:00:00Z. */
export const NOW_MS = Date.UTC(2026, 0, 1);
export const NOW_SECONDS = NOW_MS / 1000;

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
