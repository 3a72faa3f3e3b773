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
  /**
   * What an assignment does to a closed or snoozed conversation (default: reopens it and wakes it,
   * as Intercom does), so a test can match its own workspace.
   */
  assignment?: AssignmentBehaviour;
  /** Sizes the fake refuses, and how many connections it holds at once. */
  limits?: FakeLimits;
  /** How long a client may take to send a request, in milliseconds. */
  timeouts?: FakeTimeouts;
  /** How much of what it receives the fake keeps in `fake.requests`. */
  recording?: RecordingLimits;
}

/**
 * What assigning (or unassigning) does to a conversation that is not open.
 *
 * @example
 * // A workspace whose assignments leave closed conversations closed:
 * const fake = await startFakeIntercom({ assignment: { reopensClosed: false } });
 */
export interface AssignmentBehaviour {
  /** Assigning a closed conversation reopens it, with a part `assign_and_reopen` (default true). */
  reopensClosed?: boolean;
  /** Assigning a snoozed conversation wakes it, with a part `assign_and_unsnooze` (default true). */
  wakesSnoozed?: boolean;
}

/**
 * The sizes past which the fake refuses a request, and its connection limit.
 *
 * @example
 * const fake = await startFakeIntercom({ limits: { maxBodyBytes: 64 * 1024 } });
 */
export interface FakeLimits {
  /**
   * The largest request body, in bytes (default 2 MiB). A larger one gets `413` before the rest of
   * it is read, whether its `Content-Length` says so or it runs past the limit.
   */
  maxBodyBytes?: number;
  /** The largest request line and headers, in bytes (default 16 KiB); larger ones get `431`. */
  maxHeaderBytes?: number;
  /** How many connections the fake holds at once (default 256); more are closed as they come. */
  maxConnections?: number;
}

/**
 * The time a client has to send a request, in milliseconds. A client that takes longer gets `408`
 * and its connection is closed.
 *
 * @example
 * const fake = await startFakeIntercom({ timeouts: { headersMs: 500, requestMs: 2000 } });
 */
export interface FakeTimeouts {
  /**
   * From the connection, or the start of a later request on it, to the end of the headers
   * (default 5,000).
   */
  headersMs?: number;
  /** From the start of a request to the end of its body (default 15,000); at least `headersMs`. */
  requestMs?: number;
  /** How long an idle keep-alive connection stays open (default 5,000). */
  keepAliveMs?: number;
}

/**
 * Bounds on `fake.requests`: past either, the oldest requests are dropped. A request that changed
 * nothing keeps only an excerpt of its body.
 *
 * @example
 * const fake = await startFakeIntercom({ recording: { maxRequests: 10_000 } });
 */
export interface RecordingLimits {
  /** How many requests to keep (default 1,000; 0 keeps none). */
  maxRequests?: number;
  /** How many bytes of headers and bodies to keep in all (default 16 MiB). */
  maxBytes?: number;
  /** How many bytes of a refused request's body to keep (default 4 KiB). */
  excerptBytes?: number;
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
  /**
   * The body as text, and parsed when it is JSON. A request that changed nothing keeps an excerpt
   * of its body (`recording.excerptBytes`), parsed only when the excerpt is the whole body.
   */
  rawBody: string;
  body: unknown;
  /** How many bytes of the body the fake read: none when it answered before reading it. */
  bodyBytes: number;
  /** Whether `rawBody` is less than the body sent: cut to an excerpt, or never read. */
  bodyTruncated: boolean;
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
  /**
   * The requests received, oldest first, within the bounds of the `recording` option. A request is
   * here once the fake has taken it in: read its body, or refused it.
   */
  readonly requests: readonly RecordedRequest[];
  /** How many requests were dropped from the front of `requests` to stay within its bounds. */
  readonly droppedRequests: number;
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
