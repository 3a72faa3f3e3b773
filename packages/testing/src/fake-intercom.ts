import type { Conversation } from '@conversation-kit/types';
import type { ConversationSeed } from './conversation-factory.js';
import type { Fault, FaultHandle, FaultTrigger } from './faults.js';

/**
 * How to start the fake.
 *
 * @example
 * const options: FakeIntercomOptions = { token: 'test-token', rateLimit: { limit: 5 } };
 */
export interface FakeIntercomOptions {
  /** The bearer token the fake accepts (default: a random one, readable as `fake.token`). */
  token?: string;
  /** The port on 127.0.0.1 to listen on (default 0: any free port). */
  port?: number;
  /**
   * The rate limit: `limit` requests per window of `windowSeconds` (default 1,666 per 10 seconds,
   * Intercom's 10,000 a minute spread over 10-second windows), or `false` for none.
   */
  rateLimit?: { limit?: number; windowSeconds?: number } | false;
  /** The clock, in milliseconds since the epoch (default `Date.now`), so tests need not wait. */
  now?: () => number;
  /** Admins that exist from the start: ids, or ids with details. */
  admins?: readonly DirectorySeed[];
  /** Teams that exist from the start: ids, or ids with details. */
  teams?: readonly DirectorySeed[];
  /** Conversations that exist from the start; read them back with `fake.conversations.get(id)`. */
  conversations?: readonly ConversationSeed[];
}

/**
 * An admin or team to seed: its id, or its id with a name and email.
 *
 * @example
 * const seeds: DirectorySeed[] = ['991267', { id: 814860, name: 'Ciaran Lee' }];
 */
export type DirectorySeed =
  string | number | { id: string | number; name?: string; email?: string };

/**
 * Seeds and reads the conversations the fake keeps.
 *
 * @example
 * const conversation = fake.conversations.add({ state: 'open' });
 * fake.conversations.get(conversation.id)?.state; // 'open'
 */
export interface FakeConversations {
  /** Adds a conversation and returns it as the API would. */
  add(seed?: ConversationSeed): Conversation;
  /** The stored conversation, as the API would return it, or `undefined`. */
  get(id: string): Conversation | undefined;
}

/**
 * The admins or teams that exist. Ids are numeric, as Intercom's are.
 *
 * @example
 * fake.admins.add('991267', { name: 'Ciaran Lee', email: 'ciaran@example.com' });
 */
export interface FakeDirectory {
  add(id: string | number, details?: { name?: string; email?: string }): void;
  has(id: string | number): boolean;
}

/**
 * One request the fake received, with what it answered.
 *
 * @example
 * expect(fake.requests.map((request) => request.status)).toEqual([200]);
 */
export interface RecordedRequest {
  method: string;
  /** The path as sent, still URL-encoded. */
  path: string;
  /** Header names lower-cased; `authorization` is replaced by `ok`, `wrong` or absent. */
  headers: Record<string, string>;
  /** Whether the bearer token was the fake's. */
  authorized: boolean;
  /** The body as text, and parsed when it is JSON. */
  rawBody: string;
  body: unknown;
  /** The status answered, or 0 when a fault destroyed the connection. */
  status: number;
  /** Whether the action changed the conversation. */
  applied: boolean;
  /** The fault injected into this request, if any. */
  fault?: Fault['type'];
}

/**
 * A running fake of Intercom's `POST /conversations/{id}/parts` (API 2.12).
 *
 * @example
 * const fake = await startFakeIntercom();
 * const client = createIntercomClient({ token: fake.token, baseUrl: fake.url });
 * await fake.close();
 */
export interface FakeIntercom {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly token: string;
  readonly conversations: FakeConversations;
  readonly admins: FakeDirectory;
  readonly teams: FakeDirectory;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Injects a fault into the next request (`'next'`), the next `n` requests (a number), or every
   * request a predicate matches, until removed.
   */
  fault(when: FaultTrigger, fault: Fault): FaultHandle;
  /** Stops listening and ends every open connection and pending delay. */
  close(): Promise<void>;
  /** The same as `close()`, so a test can write `await using fake = await startFakeIntercom()`. */
  [Symbol.asyncDispose](): Promise<void>;
}
