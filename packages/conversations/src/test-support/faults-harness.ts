import {
  startFakeIntercom,
  type ConversationSeed,
  type FakeIntercom,
  type FakeIntercomOptions,
} from '@conversation-kit/testing';
import { afterEach } from 'vitest';
import type { ConversationAction } from '../conversation-action.js';
import type { ConversationsOptions } from '../conversations-options.js';
import { createConversations, type Conversations } from '../create-conversations.js';
import type { Conversation } from '../index.js';
import { TOKEN } from './token.js';

import { ADMIN_ID, START_MS, TEAM_ID } from './constants.js';

export { ADMIN_ID, START_MS, TEAM_ID } from './constants.js';

/** A clock both the fake and the client read, moved only by the injected `sleep`. */
export interface SharedClock {
  ms: number;
}

/** Client options a test may set; the token and the fake's URL are always filled in. */
export type ClientOptions = Omit<ConversationsOptions, 'token' | 'baseUrl' | 'region'>;

/** A running fake, the clock it shares with its clients, and the waits the clients asked for. */
export interface FaultsHarness {
  fake: FakeIntercom;
  clock: SharedClock;
  /** Every `ms` the injected sleep was called with, in order. */
  waits: number[];
  /** A client of this fake on the shared clock, its sleep recording into `waits`. */
  client(options?: ClientOptions): Conversations;
}

/**
 * Registers an `afterEach` that closes every fake the test started, and returns how to start one
 * that accepts `TOKEN`, knows `ADMIN_ID` and `TEAM_ID`, and runs on a shared clock that only the
 * clients' injected `sleep` moves, so no test waits for a real backoff.
 *
 * @example
 * const start = harnessesClosedAfterEach();
 * test('…', async () => {
 *   const { fake, client, waits } = await start();
 *   await client().close(fake.conversations.add().id, { adminId: ADMIN_ID });
 * });
 */
export function harnessesClosedAfterEach(): (
  fakeOptions?: Omit<FakeIntercomOptions, 'token' | 'now'>,
) => Promise<FaultsHarness> {
  const started: FakeIntercom[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });
  return async (fakeOptions = {}) => {
    const clock: SharedClock = { ms: START_MS };
    const fake = await startFakeIntercom({ ...fakeOptions, token: TOKEN, now: () => clock.ms });
    started.push(fake);
    fake.admins.add(ADMIN_ID);
    fake.teams.add(TEAM_ID);
    const waits: number[] = [];
    return {
      fake,
      clock,
      waits,
      client: (options = {}) =>
        createConversations({
          now: () => clock.ms,
          sleep: async (ms) => {
            waits.push(ms);
            clock.ms += ms;
          },
          ...options,
          token: TOKEN,
          baseUrl: fake.url,
        }),
    };
  };
}

/**
 * The URL of a port nothing listens on: a fake started, noted and closed.
 *
 * @example
 * const client = createConversations({ token: TOKEN, baseUrl: await closedPortUrl() });
 */
export async function closedPortUrl(): Promise<string> {
  const fake = await startFakeIntercom({ token: TOKEN });
  const { url } = fake;
  await fake.close();
  return url;
}

/** One kind of action the matrix runs, on a conversation seeded so the action changes it. */
export interface ActionKind {
  name: string;
  seed: ConversationSeed;
  /** The action, built against the shared clock (a snooze must end in the future). */
  action(clock: SharedClock): ConversationAction;
  /** The message it leaves, if any: what must never be posted twice. */
  message: string | undefined;
  /** What the stored conversation shows once the action was applied. */
  applied(conversation: Conversation): boolean;
}

export const ACTION_KINDS: readonly ActionKind[] = [
  {
    name: 'close',
    seed: { state: 'open' },
    action: () => ({ action: 'close', adminId: ADMIN_ID }),
    message: undefined,
    applied: (conversation) => conversation.state === 'closed',
  },
  {
    name: 'close+message',
    seed: { state: 'open' },
    action: () => ({ action: 'close', adminId: ADMIN_ID, message: 'Closing: solved, thanks!' }),
    message: 'Closing: solved, thanks!',
    applied: (conversation) => conversation.state === 'closed',
  },
  {
    name: 'snooze',
    seed: { state: 'open' },
    action: (clock) => ({
      action: 'snooze',
      adminId: ADMIN_ID,
      until: Math.floor(clock.ms / 1000) + 86_400,
    }),
    message: undefined,
    applied: (conversation) => conversation.state === 'snoozed',
  },
  {
    name: 'open',
    seed: { state: 'closed' },
    action: () => ({ action: 'open', adminId: ADMIN_ID }),
    message: undefined,
    applied: (conversation) => conversation.state === 'open',
  },
  {
    name: 'assign admin',
    seed: { state: 'open' },
    action: () => ({
      action: 'assign',
      adminId: ADMIN_ID,
      assignee: { type: 'admin', id: ADMIN_ID },
    }),
    message: undefined,
    applied: (conversation) => conversation.admin_assignee_id === Number(ADMIN_ID),
  },
  {
    name: 'assign team+message',
    seed: { state: 'open' },
    action: () => ({
      action: 'assign',
      adminId: ADMIN_ID,
      assignee: { type: 'team', id: TEAM_ID },
      message: 'Handing over to the support team.',
    }),
    message: 'Handing over to the support team.',
    applied: (conversation) => conversation.team_assignee_id === Number(TEAM_ID),
  },
  {
    name: 'unassign',
    seed: { state: 'open', teamAssigneeId: TEAM_ID },
    action: () => ({ action: 'unassign', adminId: ADMIN_ID, from: 'team' }),
    message: undefined,
    applied: (conversation) => conversation.team_assignee_id === null,
  },
];

/**
 * How many parts of the stored conversation carry this body: the count that must never exceed 1.
 *
 * @example
 * expect(partsWithBody(fake, id, 'Solved!')).toBeLessThanOrEqual(1);
 */
export function partsWithBody(fake: FakeIntercom, id: string, body: string): number {
  const parts = fake.conversations.get(id)?.conversation_parts?.conversation_parts ?? [];
  return parts.filter((part) => part.body === body).length;
}

/** An Intercom-style `error.list` body for a status fault. */
export function errorListBody(code: string, message: string): object {
  return {
    type: 'error.list',
    request_id: '00000000-0000-4000-8000-000000000000',
    errors: [{ code, message }],
  };
}

/**
 * The headers of an exhausted rate-limit window that resets at `resetSeconds`, as Intercom
 * sends them with a 429.
 *
 * @example
 * fake.fault('next', { type: 'status', status: 429, headers: exhaustedWindow(reset) });
 */
export function exhaustedWindow(resetSeconds: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': '1666',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(resetSeconds),
  };
}
