import type { FakeIntercom } from '@conversation-kit/testing';
import type { ManageManyItem } from '../manage-many.js';
import { ADMIN_ID, TEAM_ID, type SharedClock } from './faults-harness.js';

/**
 * Seeds `count` conversations and returns one item per conversation, cycling through every kind of
 * action (each seeded so its action changes it), with the messages they leave.
 *
 * @example
 * const items = seededItems(fake, clock, 1_000);
 */
export function seededItems(
  fake: FakeIntercom,
  clock: SharedClock,
  count: number,
): ManageManyItem[] {
  const until = Math.floor(clock.ms / 1000) + 7 * 86_400;
  return Array.from({ length: count }, (_, index): ManageManyItem => {
    switch (index % 6) {
      case 0:
        return {
          id: fake.conversations.add({ state: 'open' }).id,
          action: { action: 'close', adminId: ADMIN_ID },
        };
      case 1:
        return {
          id: fake.conversations.add({ state: 'open' }).id,
          action: { action: 'close', adminId: ADMIN_ID, message: `Closing item ${index}` },
        };
      case 2:
        return {
          id: fake.conversations.add({ state: 'open' }).id,
          action: { action: 'snooze', adminId: ADMIN_ID, until },
        };
      case 3:
        return {
          id: fake.conversations.add({ state: 'closed' }).id,
          action: { action: 'open', adminId: ADMIN_ID },
        };
      case 4:
        return {
          id: fake.conversations.add({ state: 'open' }).id,
          action: {
            action: 'assign',
            adminId: ADMIN_ID,
            assignee: { type: 'team', id: TEAM_ID },
            message: `Assigning item ${index}`,
          },
        };
      default:
        return {
          id: fake.conversations.add({ state: 'open', adminAssigneeId: ADMIN_ID }).id,
          action: { action: 'unassign', adminId: ADMIN_ID, from: 'admin' },
        };
    }
  });
}

/** What a wrapped `fetch` saw. */
export interface FetchTracker {
  /** Pass as the client's `fetch`. */
  fetch: (request: Request) => Promise<Response>;
  /** How many requests are in flight now, and the most there ever were. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Every request sent: the conversation id, and the shared clock when it left. */
  readonly sent: { id: string; atMs: number }[];
}

/**
 * Wraps the global `fetch` to count requests in flight and note when each one left.
 *
 * @example
 * const tracker = trackedFetch(clock);
 * const conversations = client({ fetch: tracker.fetch });
 */
export function trackedFetch(clock: SharedClock): FetchTracker {
  let inFlight = 0;
  let maxInFlight = 0;
  const sent: { id: string; atMs: number }[] = [];
  return {
    fetch: async (request) => {
      const id = /\/conversations\/([^/]+)\/parts$/.exec(new URL(request.url).pathname)?.[1] ?? '';
      sent.push({ id: decodeURIComponent(id), atMs: clock.ms });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await fetch(request);
      } finally {
        inFlight -= 1;
      }
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    sent,
  };
}

/** The message an item's action leaves, if any. */
export function messageOf(item: ManageManyItem): string | undefined {
  const action = item.action;
  return action.action === 'close' || action.action === 'assign' ? action.message : undefined;
}
