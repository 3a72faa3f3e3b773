import { createConversations } from '@conversation-kit/conversations';
import {
  createIntercomClient,
  defaultIntercomVersion,
  manageConversation,
  operationTable,
} from '@conversation-kit/fetch';
import type { paths } from '@conversation-kit/types';
import { IntercomClient } from 'intercom-client';
import ky from 'ky';
import createClient from 'openapi-fetch';
import type { ClosedAnswer } from './fixture/closed-answer.js';
import type { FetchLike } from './fixture/in-memory-fetch.js';

/** Where a peer sends its requests: a base URL, and a `fetch` (default: the global one). */
export interface Target {
  baseUrl: string;
  fetch?: FetchLike;
}

/** A client closing the same conversation; `create` builds it once, the call is what is timed. */
export interface Peer {
  key: string;
  name: string;
  create(target: Target, answer: ClosedAnswer): () => Promise<unknown>;
}

const INTERCOM_VERSION = defaultIntercomVersion;
// The operation's path template and its parameter's name in the API version the types describe.
const {
  path: MANAGE_PATH,
  pathParameters: [PATH_PARAMETER],
} = operationTable.manageConversation;

// What each client sends besides its own defaults: the same three headers the wrapper sends.
const headersFor = (answer: ClosedAnswer): Record<string, string> => ({
  Authorization: `Bearer ${answer.token}`,
  'Intercom-Version': INTERCOM_VERSION,
  Accept: 'application/json',
});

const closeBody = (answer: ClosedAnswer) =>
  ({ message_type: 'close', type: 'admin', admin_id: answer.adminId }) as const;

/** The six ways to close a conversation that every measure compares, (a) being the baseline. */
export const peers: readonly Peer[] = [
  {
    key: 'a',
    name: 'raw fetch',
    create: ({ baseUrl, fetch = globalThis.fetch }, answer) => {
      const url = `${baseUrl}/conversations/${encodeURIComponent(answer.conversationId)}/parts`;
      const headers = { ...headersFor(answer), 'Content-Type': 'application/json' };
      return async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(closeBody(answer)),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      };
    },
  },
  {
    key: 'b',
    name: 'openapi-fetch',
    create: ({ baseUrl, fetch }, answer) => {
      const client = createClient<paths>({
        baseUrl,
        headers: headersFor(answer),
        ...(fetch && { fetch }),
      });
      return async () => {
        const { data, error } = await client.POST(MANAGE_PATH, {
          params: { path: { [PATH_PARAMETER]: answer.conversationId } },
          body: closeBody(answer),
        });
        if (error) throw new Error('API error');
        return data;
      };
    },
  },
  {
    key: 'c',
    name: '@conversation-kit/fetch',
    create: ({ baseUrl, fetch }, answer) => {
      const client = createIntercomClient({
        token: answer.token,
        baseUrl,
        ...(fetch && { fetch }),
      });
      return async () => {
        const { data, error } = await manageConversation(client, {
          params: { path: { [PATH_PARAMETER]: answer.conversationId } },
          body: closeBody(answer),
        });
        if (error) throw new Error('API error');
        return data;
      };
    },
  },
  {
    key: 'd',
    name: '@conversation-kit/conversations',
    create: ({ baseUrl, fetch }, answer) => {
      const conversations = createConversations({
        token: answer.token,
        baseUrl,
        ...(fetch && { fetch }),
      });
      return () => conversations.close(answer.conversationId, { adminId: answer.adminId });
    },
  },
  {
    key: 'e',
    name: 'intercom-client',
    create: ({ baseUrl, fetch }, answer) => {
      // Its options take a custom `fetch`, called as fetch(url, init): no global patching needed.
      const client = new IntercomClient({
        token: answer.token,
        baseUrl,
        version: INTERCOM_VERSION,
        ...(fetch && { fetch }),
      });
      return () =>
        client.conversations.manage({
          conversation_id: answer.conversationId,
          body: closeBody(answer),
        });
    },
  },
  {
    key: 'f',
    name: 'ky',
    create: ({ baseUrl, fetch }, answer) => {
      const api = ky.create({
        prefixUrl: baseUrl,
        headers: headersFor(answer),
        ...(fetch && { fetch }),
      });
      const path = `conversations/${encodeURIComponent(answer.conversationId)}/parts`;
      return () => api.post(path, { json: closeBody(answer) }).json();
    },
  },
];

/**
 * Builds every peer's call and checks each closes the conversation once, so no benchmark times a
 * client that quietly fails.
 *
 * @example
 * const calls = await checkedCalls({ baseUrl, fetch }, answer);
 */
export async function checkedCalls(
  target: Target,
  answer: ClosedAnswer,
): Promise<{ peer: Peer; call: () => Promise<unknown> }[]> {
  const calls = peers.map((peer) => ({ peer, call: peer.create(target, answer) }));
  for (const { peer, call } of calls) {
    const result = (await call()) as { state?: unknown } | undefined;
    if (result?.state !== 'closed') {
      throw new Error(`(${peer.key}) ${peer.name} did not return a closed conversation`);
    }
  }
  return calls;
}

/** "(a) raw fetch" */
export const peerLabel = (peer: Peer): string => `(${peer.key}) ${peer.name}`;
