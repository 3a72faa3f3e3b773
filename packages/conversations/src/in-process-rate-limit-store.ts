import type { RateLimitState } from './rate-limit-state.js';
import type { RateLimitReservation, RateLimitSlot, RateLimitStore } from './rate-limit-store.js';

/**
 * The default rate-limit store: the budget of one process, kept in memory.
 *
 * @example
 * const conversations = createConversations({ token, rateLimitStore: createInProcessRateLimitStore() });
 */
export function createInProcessRateLimitStore(
  options: { now?: () => number } = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  let state: RateLimitState | undefined;
  let inFlight = 0;
  let nextSlot = 0;
  const open = new Set<string>();
  return {
    get state() {
      return state && { ...state, resetAt: new Date(state.resetAt) };
    },
    async reserve(): Promise<RateLimitReservation> {
      const waitMs = state ? state.resetAt.getTime() - now() : 0;
      if (state && waitMs > 0 && state.remaining - inFlight <= 0) return { granted: false, waitMs };
      inFlight += 1;
      const slot: RateLimitSlot = { id: String((nextSlot += 1)) };
      open.add(slot.id);
      return { granted: true, slot };
    },
    async settle(slot, reported) {
      if (!open.delete(slot.id)) return;
      inFlight -= 1;
      if (!reported) return;
      // Answers can arrive out of order: within one window the lowest remaining is the truest.
      if (state && reported.resetAt.getTime() === state.resetAt.getTime()) {
        state = { ...reported, remaining: Math.min(state.remaining, reported.remaining) };
      } else if (!state || reported.resetAt.getTime() > state.resetAt.getTime()) {
        state = reported;
      }
    },
    async close() {},
  };
}
