import {
  startFakeIntercom,
  type FakeIntercom,
  type FakeIntercomOptions,
} from '@conversation-kit/testing';
import { afterEach } from 'vitest';
import { createIntercomClient, type IntercomClientOptions } from '../index.js';
import { adminId, nowMs, teamId, token } from './fixtures.js';

/**
 * Registers an `afterEach` that closes every fake started in the test, and returns how to start
 * one: a fake Intercom that accepts `token`, runs on the fixed clock `nowMs`, and knows the admin
 * `adminId` and the team `teamId`.
 *
 * @example
 * const startFake = fakesClosedAfterEach();
 * test('…', async () => {
 *   const fake = await startFake({ rateLimit: { limit: 1 } });
 * });
 */
export function fakesClosedAfterEach(): (options?: FakeIntercomOptions) => Promise<FakeIntercom> {
  const started: FakeIntercom[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });
  return async (options = {}) => {
    const fake = await startFakeIntercom({ token, now: () => nowMs, ...options });
    started.push(fake);
    fake.admins.add(adminId);
    fake.teams.add(teamId);
    return fake;
  };
}

/** A client calling the fake with the fake's token. */
export function clientFor(
  fake: FakeIntercom,
  options: Omit<IntercomClientOptions, 'token' | 'baseUrl'> = {},
) {
  return createIntercomClient({ ...options, token: fake.token, baseUrl: fake.url });
}
