import type { RateLimitState } from './rate-limit-state.js';

/**
 * A slot taken in a rate-limit window by `RateLimitStore.reserve`, given back by `settle`.
 *
 * @example
 * const reservation = await store.reserve();
 * if (reservation.granted) await store.settle(reservation.slot, reported);
 */
export interface RateLimitSlot {
  /** Names the slot for the store that gave it. */
  readonly id: string;
}

/**
 * The answer of `RateLimitStore.reserve`: a slot, or how long to wait before asking again. With
 * `untilAnswer`, the wait is for an answer to a request in flight (the first one, or the first of
 * a new window), so a pacer may ask again as soon as one of its own requests ends.
 *
 * @example
 * const reservation = await store.reserve();
 * if (!reservation.granted) await sleep(reservation.waitMs);
 */
export type RateLimitReservation =
  | { granted: true; slot: RateLimitSlot }
  | { granted: false; waitMs: number; untilAnswer?: boolean };

/**
 * Where the pacer keeps one Intercom app's rate-limit budget: requests in flight, requests sent
 * in the current window, and the last state Intercom reported. The default lives in the process;
 * a shared store lets several processes spend one budget.
 *
 * @example
 * const conversations = createConversations({ token, rateLimitStore: createInProcessRateLimitStore() });
 */
export interface RateLimitStore {
  /**
   * Takes one request slot in the current window, or says how long to wait for one. The decision
   * is atomic: two callers never both take the last slot.
   */
  reserve(): Promise<RateLimitReservation>;
  /**
   * Gives back a slot, with what the answer to its request reported, if it reported anything
   * plausible (the pacer has already set aside implausible headers). A slot given back twice
   * counts once.
   */
  settle(slot: RateLimitSlot, reported: RateLimitState | undefined): Promise<void>;
  /** The state last reported to this store, if any. */
  readonly state: RateLimitState | undefined;
  /** Releases what the store holds, such as a connection. */
  close(): Promise<void>;
}
