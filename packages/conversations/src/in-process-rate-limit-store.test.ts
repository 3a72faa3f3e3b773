import { describe, expect, test } from 'vitest';
import { createInProcessRateLimitStore } from './in-process-rate-limit-store.js';
import { runStoreCase, STORE_CASES, T0 } from './test-support/rate-limit-store-cases.js';

describe('the in-process store follows the shared rules', () => {
  test.each(STORE_CASES.map((storeCase) => [storeCase.name, storeCase] as const))(
    '%s',
    async (_name, storeCase) => {
      await runStoreCase((now) => createInProcessRateLimitStore({ now }), storeCase);
    },
  );
});

test('a slot given back twice counts once', async () => {
  const store = createInProcessRateLimitStore({ now: () => T0 });
  const granted = async () => {
    const reservation = await store.reserve();
    if (!reservation.granted) throw new Error('expected a grant');
    return reservation.slot;
  };
  await store.settle(await granted(), { limit: 5, remaining: 3, resetAt: new Date(T0 + 1_000) });
  const b = await granted();
  await granted();
  await store.settle(b, undefined);
  await store.settle(b, undefined);
  // Three remaining, one still in flight: two more go, then the budget is spent.
  await granted();
  await granted();
  expect(await store.reserve()).toMatchObject({ granted: false, waitMs: 1_000 });
});

test('its state is a copy: changing it changes nothing stored', async () => {
  const store = createInProcessRateLimitStore({ now: () => T0 });
  const slot = await store.reserve();
  if (slot.granted) {
    await store.settle(slot.slot, { limit: 5, remaining: 4, resetAt: new Date(T0 + 1_000) });
  }
  store.state!.resetAt.setTime(0);
  expect(store.state).toEqual({ limit: 5, remaining: 4, resetAt: new Date(T0 + 1_000) });
});
