import type {
  Conversation,
  ConversationPart,
  ConversationStatistics,
} from '@conversation-kit/types';
import type { FakeIntercom, FakeIntercomOptions } from '../fake-intercom.js';
import { startFakeIntercom } from '../start-fake-intercom.js';

const running: FakeIntercom[] = [];

/**
 * Starts a fake that `closeFakes()` (in `afterEach`) will close.
 *
 * @example
 * const fake = await startFake({ now: () => clock });
 */
export async function startFake(options: FakeIntercomOptions = {}): Promise<FakeIntercom> {
  const fake = await startFakeIntercom(options);
  running.push(fake);
  return fake;
}

/** Closes every fake `startFake` started; for `afterEach`. */
export async function closeFakes(): Promise<void> {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
}

/** 2026-01-01T00:00:00Z, in milliseconds: a multiple of 10 and 60 seconds. */
export const START_MS = Date.UTC(2026, 0, 1);
export const START_SECONDS = START_MS / 1000;

/**
 * A clock a test moves by hand, for the fake's `now` option.
 *
 * @example
 * const clock = manualClock(); clock.advance(30); clock.seconds(); // START_SECONDS + 30
 */
export function manualClock(startMs = START_MS) {
  let ms = startMs;
  return {
    now: (): number => ms,
    set(toMs: number): void {
      ms = toMs;
    },
    advance(seconds: number): void {
      ms += seconds * 1000;
    },
    seconds: (): number => Math.floor(ms / 1000),
  };
}

/** The conversation's parts (none when it has no list). */
export function partsOf(conversation: Conversation | undefined): ConversationPart[] {
  return conversation?.conversation_parts?.conversation_parts ?? [];
}

/** The conversation's newest part; fails when it has none. */
export function lastPartOf(conversation: Conversation | undefined): ConversationPart {
  const part = partsOf(conversation).at(-1);
  if (!part) throw new Error('The conversation has no parts');
  return part;
}

/** The conversation's statistics; fails when it has none. */
export function statisticsOf(
  conversation: Conversation | undefined,
): NonNullable<ConversationStatistics> {
  const statistics = conversation?.statistics;
  if (!statistics) throw new Error('The conversation has no statistics');
  return statistics;
}
