import type { Conversation } from '@conversation-kit/types';
import { conversationFromSeed, type ConversationSeed } from './conversation-factory.js';
import type { FakeConversations } from './fake-intercom.js';

/**
 * The conversations the fake keeps. Reads return copies, so a test cannot change the fake's state
 * by accident, and the fake's answers cannot change a test's copy.
 *
 * @example
 * const store = new ConversationStore(() => 1767225600);
 * const { id } = store.add();
 */
export class ConversationStore implements FakeConversations {
  readonly #conversations = new Map<string, Conversation>();
  #nextId = 1_000_000_001;

  constructor(private readonly nowSeconds: () => number) {}

  add(seed: ConversationSeed = {}): Conversation {
    const id = seed.id ?? this.#freeId();
    if (!/^\d+$/.test(id))
      throw new TypeError(`id must be digits, as Intercom's are, not ${JSON.stringify(id)}`);
    if (this.#conversations.has(id))
      throw new TypeError(`A conversation with id ${id} exists already`);
    const conversation = conversationFromSeed(seed, id, this.nowSeconds());
    this.#conversations.set(id, conversation);
    return structuredClone(conversation);
  }

  get(id: string): Conversation | undefined {
    const conversation = this.#conversations.get(id);
    return conversation && structuredClone(conversation);
  }

  /** The stored object itself, for the fake's own changes. */
  live(id: string): Conversation | undefined {
    return this.#conversations.get(id);
  }

  #freeId(): string {
    while (this.#conversations.has(String(this.#nextId))) this.#nextId += 1;
    return String(this.#nextId++);
  }
}
