import type { Conversation, ConversationPart } from '@conversation-kit/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import {
  closeFakes,
  lastPartOf,
  manualClock,
  partsOf,
  START_SECONDS,
  startFake,
  statisticsOf,
} from './test-support/fakes.js';
import { manage, post } from './test-support/http.js';
import { expectConversation } from './test-support/spec-assertions.js';

const ADMIN = { id: '991267', name: 'Ciaran Lee', email: 'ciaran@example.com' };
const OTHER_ADMIN = '814860';
const TEAM = '5017691';

let clock: ReturnType<typeof manualClock>;
let fake: FakeIntercom;

beforeEach(async () => {
  clock = manualClock();
  fake = await startFake({ now: clock.now });
  fake.admins.add(ADMIN.id, { name: ADMIN.name, email: ADMIN.email });
  fake.admins.add(OTHER_ADMIN);
  fake.teams.add(TEAM);
});
afterEach(closeFakes);

/** Posts the action, asserts a spec-valid 200 that agrees with the stored conversation. */
async function act(id: string, action: object): Promise<Conversation> {
  const answered = expectConversation(await manage(fake, id, action));
  expect(answered).toEqual(fake.conversations.get(id));
  expect(fake.requests.at(-1)).toMatchObject({ status: 200, applied: true });
  return answered;
}

/** The part an action by ADMIN at the clock's current second should append. */
function expectedPart(partType: string, fields: Partial<ConversationPart> = {}): ConversationPart {
  const now = clock.seconds();
  return {
    type: 'conversation_part',
    id: expect.stringMatching(/^\d+$/),
    part_type: partType,
    body: null,
    created_at: now,
    updated_at: now,
    notified_at: now,
    assigned_to: null,
    author: { type: 'admin', ...ADMIN },
    attachments: [],
    external_id: null,
    redacted: false,
    ...fields,
  };
}

/** `before` with the one new part, `updated_at` now, and the part counts brought up to date. */
function withNewPart(before: Conversation, part: ConversationPart): Conversation {
  const expected = structuredClone(before);
  const parts = [...partsOf(before), part];
  expected.updated_at = clock.seconds();
  expected.conversation_parts = {
    type: 'conversation_part.list',
    conversation_parts: parts,
    total_count: parts.length,
  };
  expected.statistics = { ...statisticsOf(before), count_conversation_parts: parts.length };
  return expected;
}

const close = (body?: string) => ({
  message_type: 'close',
  type: 'admin',
  admin_id: ADMIN.id,
  ...(body === undefined ? {} : { body }),
});
const snooze = (until: number) => ({
  message_type: 'snoozed',
  admin_id: ADMIN.id,
  snoozed_until: until,
});
const open = () => ({ message_type: 'open', admin_id: ADMIN.id });
const assign = (type: 'admin' | 'team', assigneeId: string, body?: string) => ({
  message_type: 'assignment',
  type,
  admin_id: ADMIN.id,
  assignee_id: assigneeId,
  ...(body === undefined ? {} : { body }),
});

describe('close', () => {
  it('closes an open conversation, with the message as the part body', async () => {
    const before = fake.conversations.add({ state: 'open' });
    clock.advance(120);
    const after = await act(before.id, close('Goodbye :)'));

    const now = START_SECONDS + 120;
    const expected = withNewPart(before, expectedPart('close', { body: 'Goodbye :)' }));
    Object.assign(expected, { state: 'closed', open: false, snoozed_until: null });
    expected.statistics = {
      ...statisticsOf(expected),
      first_close_at: now,
      last_close_at: now,
      time_to_first_close: 120,
      time_to_last_close: 120,
      last_closed_by_id: ADMIN.id,
    };
    expect(after).toEqual(expected);
    expect(statisticsOf(after).count_reopens).toBe(0);
  });

  it('closes a snoozed conversation, clearing snoozed_until, with a null body when none is given', async () => {
    const before = fake.conversations.add({
      state: 'snoozed',
      snoozedUntil: START_SECONDS + 3600,
    });
    clock.advance(60);
    const after = await act(before.id, close());

    expect(after).toMatchObject({ state: 'closed', open: false, snoozed_until: null });
    expect(lastPartOf(after)).toEqual(expectedPart('close'));
    expect(statisticsOf(after)).toMatchObject({
      first_close_at: START_SECONDS + 60,
      last_close_at: START_SECONDS + 60,
      last_closed_by_id: ADMIN.id,
      count_conversation_parts: 1,
    });
  });

  it('keeps the first close and moves the last close on a second close', async () => {
    const { id } = fake.conversations.add();
    clock.advance(10);
    await act(id, close());
    clock.advance(10);
    await act(id, open());
    clock.advance(10);
    const after = await act(id, close('Again'));

    expect(statisticsOf(after)).toMatchObject({
      first_close_at: START_SECONDS + 10,
      time_to_first_close: 10,
      last_close_at: START_SECONDS + 30,
      time_to_last_close: 30,
      count_reopens: 1,
      count_conversation_parts: 3,
    });
    expect(partsOf(after).map((part) => part.part_type)).toEqual(['close', 'open', 'close']);
  });
});

describe('snooze', () => {
  it.each([
    ['an open conversation', 'open', 86_400],
    ['a closed conversation, which makes it open again', 'closed', 600],
  ] as const)('snoozes %s until the given time', async (_name, state, seconds) => {
    const before = fake.conversations.add({ state });
    clock.advance(5);
    const until = START_SECONDS + seconds;
    const after = await act(before.id, snooze(until));

    const expected = withNewPart(before, expectedPart('snoozed'));
    Object.assign(expected, { state: 'snoozed', open: true, snoozed_until: until });
    expect(after).toEqual(expected);
  });

  it('moves snoozed_until when a snoozed conversation is snoozed again', async () => {
    const { id } = fake.conversations.add({ state: 'snoozed', snoozedUntil: START_SECONDS + 60 });
    const after = await act(id, snooze(START_SECONDS + 7200));
    expect(after).toMatchObject({
      state: 'snoozed',
      open: true,
      snoozed_until: START_SECONDS + 7200,
    });
    expect(lastPartOf(after)).toEqual(expectedPart('snoozed'));
  });
});

describe('open', () => {
  it('reopens a closed conversation and counts the reopen', async () => {
    const before = fake.conversations.add({ state: 'closed' });
    clock.advance(42);
    const after = await act(before.id, open());

    const expected = withNewPart(before, expectedPart('open'));
    Object.assign(expected, { state: 'open', open: true, snoozed_until: null });
    expected.statistics = { ...statisticsOf(expected), count_reopens: 1 };
    expect(after).toEqual(expected);
  });

  it('opens a snoozed conversation, clears snoozed_until and counts the reopen', async () => {
    const before = fake.conversations.add({
      state: 'snoozed',
      snoozedUntil: START_SECONDS + 3600,
    });
    clock.advance(1);
    const after = await act(before.id, open());

    const expected = withNewPart(before, expectedPart('open'));
    Object.assign(expected, { state: 'open', open: true, snoozed_until: null });
    expected.statistics = { ...statisticsOf(expected), count_reopens: 1 };
    expect(after).toEqual(expected);
  });

  it('opens an open conversation without counting a reopen, yet adds the part', async () => {
    const before = fake.conversations.add({ state: 'open' });
    clock.advance(1);
    const after = await act(before.id, open());

    expect(after).toEqual(withNewPart(before, expectedPart('open')));
    expect(statisticsOf(after).count_reopens).toBe(0);
  });

  it('counts every reopen', async () => {
    const { id } = fake.conversations.add({ state: 'closed' });
    await act(id, open());
    await act(id, close());
    const after = await act(id, open());
    expect(statisticsOf(after).count_reopens).toBe(2);
  });
});

describe('assignment', () => {
  it('assigns an admin: the integer id, an admin reference in the part, the statistics', async () => {
    const before = fake.conversations.add({ state: 'open', teamAssigneeId: TEAM });
    clock.advance(30);
    const after = await act(before.id, assign('admin', OTHER_ADMIN, 'Over to you'));

    const now = START_SECONDS + 30;
    const expected = withNewPart(
      before,
      expectedPart('assignment', {
        body: 'Over to you',
        assigned_to: { type: 'admin', id: OTHER_ADMIN },
      }),
    );
    expected.admin_assignee_id = Number(OTHER_ADMIN);
    expected.statistics = {
      ...statisticsOf(expected),
      count_assignments: 1,
      first_assignment_at: now,
      last_assignment_at: now,
    };
    expect(after).toEqual(expected);
    // An open conversation stays open (closed and snoozed ones: assignment-state.test.ts), and
    // the team assignee is left alone.
    expect(after).toMatchObject({ state: 'open', open: true, team_assignee_id: Number(TEAM) });
  });

  it('assigns a team, with a null part body when none is given', async () => {
    const before = fake.conversations.add({ adminAssigneeId: OTHER_ADMIN });
    clock.advance(30);
    const after = await act(before.id, assign('team', TEAM));

    const now = START_SECONDS + 30;
    const expected = withNewPart(
      before,
      expectedPart('assignment', { assigned_to: { type: 'team', id: TEAM } }),
    );
    expected.team_assignee_id = Number(TEAM);
    expected.statistics = {
      ...statisticsOf(expected),
      count_assignments: 1,
      first_assignment_at: now,
      last_assignment_at: now,
    };
    expect(after).toEqual(expected);
    expect(after.admin_assignee_id).toBe(Number(OTHER_ADMIN));
  });

  it('unassigns the admin with assignee_id "0", leaving the team', async () => {
    const before = fake.conversations.add({ adminAssigneeId: OTHER_ADMIN, teamAssigneeId: TEAM });
    const after = await act(before.id, assign('admin', '0'));

    expect(after.admin_assignee_id).toBeNull();
    expect(after.team_assignee_id).toBe(Number(TEAM));
    expect(lastPartOf(after)).toEqual(
      expectedPart('assignment', { assigned_to: { type: 'nobody_admin', id: null } }),
    );
    expect(statisticsOf(after)).toMatchObject({
      count_assignments: 1,
      first_assignment_at: START_SECONDS,
      last_assignment_at: START_SECONDS,
    });
  });

  it('unassigns the team with assignee_id "0", leaving the admin', async () => {
    const before = fake.conversations.add({ adminAssigneeId: OTHER_ADMIN, teamAssigneeId: TEAM });
    const after = await act(before.id, assign('team', '0'));

    expect(after.team_assignee_id).toBeNull();
    expect(after.admin_assignee_id).toBe(Number(OTHER_ADMIN));
    expect(lastPartOf(after)).toEqual(
      expectedPart('assignment', { assigned_to: { type: 'nobody_admin', id: null } }),
    );
    expect(statisticsOf(after).count_assignments).toBe(1);
  });

  it('keeps the first assignment time and moves the last one', async () => {
    const { id } = fake.conversations.add();
    clock.advance(10);
    await act(id, assign('admin', OTHER_ADMIN));
    clock.advance(10);
    const after = await act(id, assign('team', TEAM));
    expect(statisticsOf(after)).toMatchObject({
      count_assignments: 2,
      first_assignment_at: START_SECONDS + 10,
      last_assignment_at: START_SECONDS + 20,
    });
    expect(after).toMatchObject({
      admin_assignee_id: Number(OTHER_ADMIN),
      team_assignee_id: Number(TEAM),
    });
  });
});

describe('every action', () => {
  it('appends one part with a fresh id, authored by the acting admin with name and email', async () => {
    fake.admins.add(OTHER_ADMIN, { name: 'Other Admin', email: 'other@example.com' });
    const { id } = fake.conversations.add();
    await act(id, snooze(START_SECONDS + 100));
    await act(id, { message_type: 'open', admin_id: OTHER_ADMIN });
    await act(id, assign('team', TEAM));
    const after = await act(id, close('Done'));

    const parts = partsOf(after);
    expect(parts.map((part) => part.part_type)).toEqual(['snoozed', 'open', 'assignment', 'close']);
    expect(new Set(parts.map((part) => part.id)).size).toBe(4);
    expect(parts[1]?.author).toEqual({
      type: 'admin',
      id: OTHER_ADMIN,
      name: 'Other Admin',
      email: 'other@example.com',
    });
    expect(after.conversation_parts?.total_count).toBe(4);
    expect(statisticsOf(after).count_conversation_parts).toBe(4);
  });

  it('stamps updated_at and the part with the injected clock, not the wall clock', async () => {
    const { id, created_at } = fake.conversations.add();
    expect(created_at).toBe(START_SECONDS);
    clock.set(Date.UTC(2030, 5, 1, 12, 0, 0, 999));
    const after = await act(id, open());
    const now = Date.UTC(2030, 5, 1, 12) / 1000;
    expect(after.updated_at).toBe(now);
    expect(after.created_at).toBe(START_SECONDS);
    expect(lastPartOf(after)).toMatchObject({ created_at: now, updated_at: now, notified_at: now });
  });

  it('keeps each conversation to itself', async () => {
    const first = fake.conversations.add();
    const second = fake.conversations.add();
    await act(first.id, close());
    expect(fake.conversations.get(second.id)).toEqual(second);
  });
});

describe('the route', () => {
  it('ignores a query string, as Intercom does', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    const response = await post(fake, `/conversations/${id}/parts?source=test`, close());
    expect(expectConversation(response).state).toBe('closed');
  });
});
