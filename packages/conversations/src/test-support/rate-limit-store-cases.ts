import { expect } from 'vitest';
import type { RateLimitState } from '../rate-limit-state.js';
import type { RateLimitSlot, RateLimitStore } from '../rate-limit-store.js';

/** 2026-01-01T00:00:00Z, where every case's clock starts. */
export const T0 = Date.UTC(2026, 0, 1);

/** One step of a case: at `at` ms after T0, reserve (expecting a grant or a wait) or settle. */
export type StoreStep =
  | { at: number; reserve: 'granted' | { waitMs: number; untilAnswer?: boolean } }
  | { at: number; settle: number; report?: { limit: number; remaining: number; resetIn: number } }
  | { at: number; state: Omit<RateLimitState, 'ignored'> | undefined };

/** A named sequence of steps, run the same against every store. */
export interface StoreCase {
  name: string;
  steps: StoreStep[];
}

const r = (limit: number, remaining: number, resetIn: number) => ({ limit, remaining, resetIn });

/**
 * The rules every rate-limit store follows, as a table: the in-process store and the Redis store
 * both run it. `settle: n` gives back the slot of the n-th grant (from 0).
 *
 * @example
 * for (const storeCase of STORE_CASES) await runStoreCase((now) => createInProcessRateLimitStore({ now }), storeCase);
 */
export const STORE_CASES: StoreCase[] = [
  {
    name: 'until the first answer, four requests go; that answer opens the budget',
    steps: [
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: { waitMs: 100, untilAnswer: true } },
      { at: 5, settle: 0, report: r(10, 6, 10_000) },
      { at: 5, state: { limit: 10, remaining: 6, resetAt: new Date(T0 + 10_000) } },
      // Six remaining, three still in flight.
      { at: 5, reserve: 'granted' },
      { at: 5, reserve: 'granted' },
      { at: 5, reserve: 'granted' },
      { at: 5, reserve: { waitMs: 9_995, untilAnswer: false } },
    ],
  },
  {
    name: 'an answer without a report still ends the first requests, and then none is held',
    steps: [
      ...Array.from({ length: 4 }, () => ({ at: 0, reserve: 'granted' as const })),
      { at: 0, reserve: { waitMs: 100, untilAnswer: true } },
      { at: 1, settle: 0 },
      { at: 1, state: undefined },
      ...Array.from({ length: 8 }, () => ({ at: 1, reserve: 'granted' as const })),
    ],
  },
  {
    name: 'requests in flight count against the remaining budget',
    steps: [
      { at: 0, reserve: 'granted' },
      { at: 0, settle: 0, report: r(10, 3, 1_000) },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: { waitMs: 1_000, untilAnswer: false } },
      { at: 10, settle: 1, report: r(10, 2, 1_000) },
      { at: 10, reserve: { waitMs: 990, untilAnswer: false } },
    ],
  },
  {
    name: 'at the reset, the new window counts against the last limit until it reports',
    steps: [
      { at: 0, reserve: 'granted' },
      { at: 0, settle: 0, report: r(3, 0, 1_000) },
      { at: 0, reserve: { waitMs: 1_000, untilAnswer: false } },
      { at: 1_000, reserve: 'granted' },
      { at: 1_000, reserve: 'granted' },
      { at: 1_000, reserve: 'granted' },
      { at: 1_000, reserve: { waitMs: 100, untilAnswer: true } },
      { at: 1_010, settle: 1, report: r(3, 2, 2_000) },
      { at: 1_010, state: { limit: 3, remaining: 2, resetAt: new Date(T0 + 2_000) } },
      // Two still in flight use the two remaining.
      { at: 1_010, reserve: { waitMs: 990, untilAnswer: false } },
      // The next reset: the window is now known to last a second.
      { at: 2_000, reserve: 'granted' },
      { at: 2_000, reserve: { waitMs: 1_000, untilAnswer: false } },
    ],
  },
  {
    name: 'requests in flight at the reset count in the new window',
    steps: [
      { at: 0, reserve: 'granted' },
      { at: 0, settle: 0, report: r(3, 3, 1_000) },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 1_000, reserve: 'granted' },
      { at: 1_000, reserve: { waitMs: 100, untilAnswer: true } },
    ],
  },
  {
    name: 'within a window the fewest remaining wins, and an older window is ignored',
    steps: [
      { at: 0, reserve: 'granted' },
      { at: 0, settle: 0, report: r(10, 9, 1_000) },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 0, reserve: 'granted' },
      { at: 1, settle: 2, report: r(10, 7, 1_000) },
      { at: 1, settle: 1, report: r(10, 8, 1_000) },
      { at: 1, state: { limit: 10, remaining: 7, resetAt: new Date(T0 + 1_000) } },
      { at: 1_001, settle: 3, report: r(10, 6, 1_000) },
      { at: 1_001, reserve: 'granted' },
      { at: 1_002, settle: 4, report: r(10, 9, 2_000) },
      { at: 1_003, settle: 4, report: r(10, 0, 2_000) },
      { at: 1_003, state: { limit: 10, remaining: 9, resetAt: new Date(T0 + 2_000) } },
    ],
  },
  {
    name: 'a window that passes with no answer expires, and so does the next',
    steps: [
      { at: 0, reserve: 'granted' },
      { at: 0, settle: 0, report: r(2, 0, 1_000) },
      { at: 1_000, reserve: 'granted' },
      { at: 1_000, reserve: 'granted' },
      { at: 1_000, reserve: { waitMs: 100, untilAnswer: true } },
      { at: 1_001, settle: 1 },
      { at: 1_001, settle: 2 },
      // No window length seen yet: Intercom's 10 s, after which both slots are free again.
      { at: 10_999, reserve: { waitMs: 1, untilAnswer: true } },
      { at: 11_000, reserve: 'granted' },
      { at: 11_000, reserve: 'granted' },
    ],
  },
];

/**
 * Runs one case against a store made on the case's clock.
 *
 * @example
 * await runStoreCase((now) => createInProcessRateLimitStore({ now }), STORE_CASES[0]!);
 */
export async function runStoreCase(
  makeStore: (now: () => number) => RateLimitStore | Promise<RateLimitStore>,
  storeCase: StoreCase,
): Promise<void> {
  let nowMs = T0;
  const store = await makeStore(() => nowMs);
  const slots: RateLimitSlot[] = [];
  try {
    for (const [index, step] of storeCase.steps.entries()) {
      nowMs = T0 + step.at;
      const where = `${storeCase.name}, step ${index}`;
      if ('reserve' in step) {
        const reservation = await store.reserve();
        if (step.reserve === 'granted') {
          expect(reservation.granted, where).toBe(true);
          if (reservation.granted) slots.push(reservation.slot);
        } else {
          expect(reservation, where).toMatchObject({ granted: false, ...step.reserve });
        }
      } else if ('settle' in step) {
        const report = step.report && {
          limit: step.report.limit,
          remaining: step.report.remaining,
          resetAt: new Date(T0 + step.report.resetIn),
        };
        await store.settle(slots[step.settle]!, report);
      } else {
        expect(store.state, where).toEqual(step.state);
      }
    }
  } finally {
    await store.close();
  }
}
