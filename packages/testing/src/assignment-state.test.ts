import type { Conversation } from '@conversation-kit/types';
import { describe, expect, it } from 'vitest';
import type { AssignmentBehaviour, FakeIntercom, FakeIntercomOptions } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';
import { assignExample } from './test-support/intercom-excerpts.js';
import {
  lastPartOf,
  manualClock,
  partsOf,
  START_SECONDS,
  statisticsOf,
} from './test-support/fakes.js';
import { RawConnection, rawManage } from './test-support/raw-http.js';
import { expectComponentValid } from './test-support/spec-assertions.js';

const ADMIN = String(assignExample.request.admin_id);
const TEAM = '5017691';

function startWith(
  clock: ReturnType<typeof manualClock>,
  options: FakeIntercomOptions = {},
): Promise<FakeIntercom> {
  return startFakeIntercom({
    now: clock.now,
    admins: [{ id: ADMIN, name: 'Ciaran221 Lee', email: 'admin221@email.com' }],
    teams: [TEAM],
    ...options,
  });
}

/** Posts an assignment over a raw socket and returns the 200's conversation. */
async function assign(
  fake: FakeIntercom,
  id: string,
  type: 'admin' | 'team',
  assigneeId: string,
): Promise<Conversation> {
  const action = { message_type: 'assignment', type, admin_id: ADMIN, assignee_id: assigneeId };
  const response = await RawConnection.exchange(fake.url, rawManage(fake, id, action));
  expect(response.status, response.body).toBe(200);
  expectComponentValid('conversation', response.json);
  expect(response.json).toEqual(fake.conversations.get(id));
  return response.json as Conversation;
}

describe('assigning a closed conversation', () => {
  it('reopens it, as Intercom documents, with a part assign_and_reopen and one more reopen', async () => {
    const clock = manualClock();
    await using fake = await startWith(clock);
    const { id } = fake.conversations.add({ state: 'closed' });
    clock.advance(30);
    const after = await assign(fake, id, 'admin', ADMIN);

    // The fields Intercom's own "Assign a conversation" example answers with.
    expect(after).toMatchObject({
      state: assignExample.response.state,
      open: assignExample.response.open,
      snoozed_until: assignExample.response.snoozed_until,
      admin_assignee_id: assignExample.response.admin_assignee_id,
    });
    expect(lastPartOf(after)).toMatchObject({
      ...assignExample.response.conversation_parts.conversation_parts[0],
      created_at: START_SECONDS + 30,
    });
    expect(statisticsOf(after)).toMatchObject({
      count_reopens: 1,
      count_assignments: 1,
      count_conversation_parts: 1,
      first_assignment_at: START_SECONDS + 30,
      last_assignment_at: START_SECONDS + 30,
    });
    expect(after.updated_at).toBe(START_SECONDS + 30);
  });

  it('counts a second reopen only after it was closed again, keeping first and last times apart', async () => {
    const clock = manualClock();
    await using fake = await startWith(clock);
    const { id } = fake.conversations.add({ state: 'closed' });
    clock.advance(10);
    await assign(fake, id, 'team', TEAM);
    clock.advance(10);
    // Open now: an assignment is only an assignment.
    const stillOpen = await assign(fake, id, 'admin', ADMIN);
    expect(lastPartOf(stillOpen).part_type).toBe('assignment');
    expect(statisticsOf(stillOpen).count_reopens).toBe(1);

    const close = { message_type: 'close', type: 'admin', admin_id: ADMIN };
    expect((await RawConnection.exchange(fake.url, rawManage(fake, id, close))).status).toBe(200);
    clock.advance(10);
    const reopened = await assign(fake, id, 'team', '0');

    expect(partsOf(reopened).map((part) => part.part_type)).toEqual([
      'assign_and_reopen',
      'assignment',
      'close',
      'assign_and_reopen',
    ]);
    expect(lastPartOf(reopened).assigned_to).toEqual({ type: 'nobody_admin', id: null });
    expect(reopened).toMatchObject({ state: 'open', open: true, team_assignee_id: null });
    expect(statisticsOf(reopened)).toMatchObject({
      count_reopens: 2,
      count_assignments: 3,
      count_conversation_parts: 4,
      first_assignment_at: START_SECONDS + 10,
      last_assignment_at: START_SECONDS + 30,
      first_close_at: START_SECONDS + 20,
      last_close_at: START_SECONDS + 20,
    });
  });

  it('stays closed, with a part assignment and no reopen, when the workspace keeps it closed', async () => {
    const clock = manualClock();
    await using fake = await startWith(clock, { assignment: { reopensClosed: false } });
    const { id } = fake.conversations.add({ state: 'closed' });
    clock.advance(5);
    const after = await assign(fake, id, 'admin', ADMIN);

    expect(after).toMatchObject({ state: 'closed', open: false, admin_assignee_id: Number(ADMIN) });
    expect(lastPartOf(after)).toMatchObject({
      part_type: 'assignment',
      assigned_to: { type: 'admin', id: ADMIN },
    });
    expect(statisticsOf(after)).toMatchObject({
      count_reopens: 0,
      count_assignments: 1,
      first_assignment_at: START_SECONDS + 5,
    });
  });
});

describe('assigning a snoozed conversation', () => {
  it('wakes it: state open, snoozed_until cleared, a part assign_and_unsnooze, one reopen', async () => {
    const clock = manualClock();
    await using fake = await startWith(clock);
    const { id } = fake.conversations.add({
      state: 'snoozed',
      snoozedUntil: START_SECONDS + 3600,
      adminAssigneeId: ADMIN,
    });
    clock.advance(60);
    const after = await assign(fake, id, 'team', TEAM);

    expect(after).toMatchObject({
      state: 'open',
      open: true,
      snoozed_until: null,
      team_assignee_id: Number(TEAM),
      admin_assignee_id: Number(ADMIN),
    });
    expect(lastPartOf(after)).toMatchObject({
      part_type: 'assign_and_unsnooze',
      assigned_to: { type: 'team', id: TEAM },
      author: { type: 'admin', id: ADMIN },
      created_at: START_SECONDS + 60,
    });
    expect(statisticsOf(after)).toMatchObject({
      count_reopens: 1,
      count_assignments: 1,
      count_conversation_parts: 1,
      first_assignment_at: START_SECONDS + 60,
      last_assignment_at: START_SECONDS + 60,
    });
  });

  it('stays snoozed until its time, with a part assignment, when the workspace keeps it snoozed', async () => {
    await using fake = await startWith(manualClock(), { assignment: { wakesSnoozed: false } });
    const { id } = fake.conversations.add({ state: 'snoozed', snoozedUntil: START_SECONDS + 3600 });
    const after = await assign(fake, id, 'admin', '0');

    expect(after).toMatchObject({
      state: 'snoozed',
      open: true,
      snoozed_until: START_SECONDS + 3600,
      admin_assignee_id: null,
    });
    expect(lastPartOf(after)).toMatchObject({
      part_type: 'assignment',
      assigned_to: { type: 'nobody_admin', id: null },
    });
    expect(statisticsOf(after)).toMatchObject({ count_reopens: 0, count_assignments: 1 });
  });

  it('is woken while a closed one stays closed, when only reopening is turned off', async () => {
    await using fake = await startWith(manualClock(), {
      assignment: { reopensClosed: false, wakesSnoozed: true },
    });
    const snoozed = fake.conversations.add({ state: 'snoozed', snoozedUntil: START_SECONDS + 60 });
    const closed = fake.conversations.add({ state: 'closed' });
    expect((await assign(fake, snoozed.id, 'team', TEAM)).state).toBe('open');
    expect((await assign(fake, closed.id, 'team', TEAM)).state).toBe('closed');
  });
});

describe('the assignment option', () => {
  it.each([
    [{ reopensClosed: 'no' }, 'assignment.reopensClosed must be true or false, not "no"'],
    [{ wakesSnoozed: 1 }, 'assignment.wakesSnoozed must be true or false, not 1'],
    [{ reopenClosed: false }, 'assignment.reopenClosed is not an option'],
    ['keep', 'assignment must be an object'],
  ])('refuses %j before listening, naming the option', async (assignment, message) => {
    await expect(
      startFakeIntercom({ assignment: assignment as AssignmentBehaviour }),
    ).rejects.toThrow(message);
  });
});
