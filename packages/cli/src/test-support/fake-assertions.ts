import type { FakeIntercom } from '@conversation-kit/testing';

/**
 * The message bodies of a conversation's parts in the fake, in order.
 *
 * @example
 * messagesOf(fake, '5'); // ['Closing this inbox.']
 */
export function messagesOf(fake: FakeIntercom, id: string): string[] {
  const parts = fake.conversations.get(id)?.conversation_parts?.conversation_parts ?? [];
  return parts.flatMap((part) => (typeof part.body === 'string' ? [part.body] : []));
}

/**
 * Every message posted more than once to one conversation, as "id: message ×n"; empty when none
 * was.
 *
 * @example
 * expect(repeatedMessages(fake, ids)).toEqual([]);
 */
export function repeatedMessages(fake: FakeIntercom, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const counts = new Map<string, number>();
    for (const body of messagesOf(fake, id)) counts.set(body, (counts.get(body) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([body, n]) => `${id}: ${body} ×${n}`);
  });
}

/** The requests the fake received for a conversation. */
export function requestsFor(fake: FakeIntercom, id: string): FakeIntercom['requests'] {
  return fake.requests.filter((request) => request.path === `/conversations/${id}/parts`);
}
