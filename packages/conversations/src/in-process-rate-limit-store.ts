import type { RateLimitState } from './rate-limit-state.js';
import {
  decideReserve,
  decideSettle,
  EMPTY_BUDGET,
  type RateLimitBudget,
} from './rate-limit-rules.js';
import type { RateLimitReservation, RateLimitStore } from './rate-limit-store.js';

/**
 * The default rate-limit store: the budget of one process, kept in memory. Each decision runs
 * synchronously, so it is atomic; the rules are those of `decideReserve` and `decideSettle`,
 * which the Redis store runs in a Lua script.
 *
 * @example
 * const conversations = createConversations({ token, rateLimitStore: createInProcessRateLimitStore() });
 */
export function createInProcessRateLimitStore(
  options: { now?: () => number } = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  let budget: RateLimitBudget = { ...EMPTY_BUDGET };
  let nextSlot = 0;
  const open = new Set<string>();
  return {
    get state() {
      return stateOfBudget(budget);
    },
    async reserve(): Promise<RateLimitReservation> {
      const decision = decideReserve(budget, now());
      budget = decision.budget;
      if (!decision.granted) {
        return { granted: false, waitMs: decision.waitMs, untilAnswer: decision.untilAnswer };
      }
      const id = String((nextSlot += 1));
      open.add(id);
      return { granted: true, slot: { id } };
    },
    async settle(slot, reported) {
      // A slot given back twice, or by another store, counts once or not at all.
      if (!open.delete(slot.id)) return;
      budget = decideSettle(budget, now(), reported && reportOfState(reported));
    },
    async close() {},
  };
}

/**
 * The state a budget shows, or `undefined` before any answer reported one.
 *
 * @example
 * stateOfBudget(budget); // { limit: 100, remaining: 42, resetAt: 2026-… }
 */
export function stateOfBudget(budget: RateLimitBudget): RateLimitState | undefined {
  if (budget.resetAtMs === 0) return undefined;
  return { limit: budget.limit, remaining: budget.remaining, resetAt: new Date(budget.resetAtMs) };
}

/**
 * A reported state in the numbers a budget keeps.
 *
 * @example
 * reportOfState(rateLimitFrom(headers)!); // { limit: 100, remaining: 99, resetAtMs: 1767225610000 }
 */
export function reportOfState(state: RateLimitState): {
  limit: number;
  remaining: number;
  resetAtMs: number;
} {
  return { limit: state.limit, remaining: state.remaining, resetAtMs: state.resetAt.getTime() };
}
