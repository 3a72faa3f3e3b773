/**
 * One app's rate-limit budget as plain numbers, so that a store can keep it anywhere (in memory,
 * or in a Redis hash that a Lua script updates with these same rules).
 *
 * @example
 * let budget: RateLimitBudget = { ...EMPTY_BUDGET };
 */
export interface RateLimitBudget {
  /** The last limit Intercom reported; 0 before any answer reported one. */
  limit: number;
  /** The fewest remaining reported for the window ending at `resetAtMs`. */
  remaining: number;
  /** The end of the newest window an answer reported, in ms; 0 before any. */
  resetAtMs: number;
  /** The shortest step seen between two reported windows, in ms; 0 until seen. */
  windowMs: number;
  /** 1 once `resetAtMs` has passed and no answer from the window after it has arrived yet. */
  rolled: number;
  /** While `rolled`: when the window counted in `used` is expected to end, in ms. */
  windowEndMs: number;
  /** While `rolled`: requests counted against `limit` in that window, in flight ones included. */
  used: number;
  /** 1 once any request has ended: before that, at most `FIRST_REQUESTS` go at once. */
  probed: number;
  /** Requests sent and not yet ended. */
  inFlight: number;
}

/**
 * A budget that knows nothing yet.
 *
 * @example
 * const budget = { ...EMPTY_BUDGET };
 */
export const EMPTY_BUDGET: Readonly<RateLimitBudget> = Object.freeze({
  limit: 0,
  remaining: 0,
  resetAtMs: 0,
  windowMs: 0,
  rolled: 0,
  windowEndMs: 0,
  used: 0,
  probed: 0,
  inFlight: 0,
});

/**
 * How often to look again while waiting for an answer that tells the new window apart.
 *
 * @example
 * await sleep(RATE_LIMIT_POLL_MS);
 */
export const RATE_LIMIT_POLL_MS = 100;

/**
 * How many requests may be in flight before any has ended, while the budget is unknown: few
 * enough for the smallest budget in practice, and as many as `manageMany`'s default concurrency.
 *
 * @example
 * if (budget.probed === 0 && budget.inFlight >= FIRST_REQUESTS) wait();
 */
export const FIRST_REQUESTS = 4;

/**
 * The window length assumed until two answers show it: Intercom's 10 seconds.
 *
 * @example
 * const windowMs = budget.windowMs || DEFAULT_WINDOW_MS;
 */
export const DEFAULT_WINDOW_MS = 10_000;

/**
 * What one answer reported, in numbers.
 *
 * @example
 * const report: RateLimitReport = { limit: 100, remaining: 99, resetAtMs: 1767225610000 };
 */
export interface RateLimitReport {
  limit: number;
  remaining: number;
  resetAtMs: number;
}

/**
 * The decision on one request: go (and the budget now counts it in flight), or wait this long
 * before asking again.
 *
 * @example
 * const { budget: next, waitMs } = decideReserve(budget, Date.now());
 */
export type ReserveDecision =
  | { budget: RateLimitBudget; granted: true }
  | { budget: RateLimitBudget; granted: false; waitMs: number; untilAnswer: boolean };

/**
 * Whether one more request may go now. Within a reported window, the fewest remaining reported
 * must exceed the requests in flight. Once that window has passed, and until an answer reports
 * the next one, requests are counted against the last known limit, those still in flight
 * included, so that the reset lets no burst through. Before any answer, at most `FIRST_REQUESTS`
 * go, to learn the budget.
 *
 * @example
 * const decision = decideReserve(budget, Date.now());
 * if (decision.granted) budget = decision.budget;
 */
export function decideReserve(current: RateLimitBudget, nowMs: number): ReserveDecision {
  const budget = rolledForward(current, nowMs);
  if (budget.resetAtMs === 0) {
    if (budget.probed === 0 && budget.inFlight >= FIRST_REQUESTS) {
      return { budget, granted: false, waitMs: RATE_LIMIT_POLL_MS, untilAnswer: true };
    }
    return { budget: { ...budget, inFlight: budget.inFlight + 1 }, granted: true };
  }
  if (budget.rolled === 1) {
    if (budget.limit - budget.used > 0) {
      return {
        budget: { ...budget, used: budget.used + 1, inFlight: budget.inFlight + 1 },
        granted: true,
      };
    }
    const untilEnd = Math.max(1, budget.windowEndMs - nowMs);
    // Until two answers show how long a window is, look again soon: the answers now in flight
    // will tell when this window ends.
    return budget.windowMs > 0
      ? { budget, granted: false, waitMs: untilEnd, untilAnswer: false }
      : {
          budget,
          granted: false,
          waitMs: Math.min(RATE_LIMIT_POLL_MS, untilEnd),
          untilAnswer: true,
        };
  }
  if (budget.remaining - budget.inFlight > 0) {
    return { budget: { ...budget, inFlight: budget.inFlight + 1 }, granted: true };
  }
  return {
    budget,
    granted: false,
    waitMs: Math.max(1, budget.resetAtMs - nowMs),
    untilAnswer: false,
  };
}

/**
 * The budget once a request has ended, with what its answer reported, if anything. Answers arrive
 * in any order: within a window the fewest remaining is the truest, and an older window is
 * ignored.
 *
 * @example
 * budget = decideSettle(budget, Date.now(), { limit: 100, remaining: 42, resetAtMs });
 */
export function decideSettle(
  current: RateLimitBudget,
  nowMs: number,
  report: RateLimitReport | undefined,
): RateLimitBudget {
  const budget = rolledForward(
    { ...current, inFlight: Math.max(0, current.inFlight - 1), probed: 1 },
    nowMs,
  );
  if (!report) return budget;
  if (report.resetAtMs === budget.resetAtMs) {
    return {
      ...budget,
      limit: report.limit,
      remaining: Math.min(budget.remaining, report.remaining),
    };
  }
  if (report.resetAtMs < budget.resetAtMs) return budget;
  const step = budget.resetAtMs > 0 ? report.resetAtMs - budget.resetAtMs : 0;
  return rolledForward(
    {
      ...budget,
      limit: report.limit,
      remaining: report.remaining,
      resetAtMs: report.resetAtMs,
      windowMs:
        step > 0 && (budget.windowMs === 0 || step < budget.windowMs) ? step : budget.windowMs,
      rolled: 0,
      windowEndMs: report.resetAtMs,
      used: 0,
    },
    nowMs,
  );
}

/**
 * The budget with passed windows expired: once the reported window ends, a new one starts that
 * counts the requests in flight; once that one is expected to end too, another.
 *
 * @example
 * const budget = rolledForward(stored, Date.now());
 */
export function rolledForward(budget: RateLimitBudget, nowMs: number): RateLimitBudget {
  if (budget.resetAtMs === 0 || nowMs < budget.windowEndMs) return budget;
  const windowMs = budget.windowMs || DEFAULT_WINDOW_MS;
  const from = budget.rolled === 1 ? budget.windowEndMs : budget.resetAtMs;
  const steps = Math.floor((nowMs - from) / windowMs) + 1;
  return {
    ...budget,
    rolled: 1,
    windowEndMs: from + steps * windowMs,
    used: budget.inFlight,
  };
}
