import { defaultIntercomVersion } from '@conversation-kit/fetch';
import { document } from '@conversation-kit/spec';
import { createSchemaValidator } from '@conversation-kit/spec/validator';
import type { ConversationSeed, FakeIntercom } from '@conversation-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  NotFoundError,
  type Conversation,
  type ConversationAction,
  type Conversations,
} from './index.js';
import {
  ADMIN_ID,
  clientFor,
  fakesClosedAfterEach,
  NOW_MS,
  NOW_SECONDS,
  OTHER_ADMIN_ID,
  TEAM_ID,
} from './test-support/actions-fixtures.js';
import { rejectionOf } from './test-support/collected-errors.js';

const validator = createSchemaValidator(document);

const startFake = fakesClosedAfterEach();
const IN_AN_HOUR = NOW_SECONDS + 3600;

let fake: FakeIntercom;
let conversations: Conversations;

beforeEach(async () => {
  fake = await startFake();
  conversations = clientFor(fake);
});

interface ActionCase {
  name: string;
  seed: ConversationSeed;
  /** The call through the shorthand. */
  shorthand: (conversations: Conversations, id: string) => Promise<Conversation>;
  /** The same action for manage(). */
  action: ConversationAction;
  /** The body Intercom must receive. */
  body: Record<string, unknown>;
  /** What the conversation must show afterwards. */
  result: Partial<Conversation>;
}

const cases: ActionCase[] = [
  {
    name: 'close without a message',
    seed: { state: 'open' },
    shorthand: (c, id) => c.close(id, { adminId: ADMIN_ID }),
    action: { action: 'close', adminId: ADMIN_ID },
    body: { message_type: 'close', type: 'admin', admin_id: ADMIN_ID },
    result: { state: 'closed', open: false },
  },
  {
    name: 'close with a message',
    seed: { state: 'open' },
    shorthand: (c, id) => c.close(id, { adminId: ADMIN_ID, message: 'msg' }),
    action: { action: 'close', adminId: ADMIN_ID, message: 'msg' },
    body: { message_type: 'close', type: 'admin', admin_id: ADMIN_ID, body: 'msg' },
    result: { state: 'closed', open: false },
  },
  {
    name: 'snooze until a Date',
    seed: { state: 'open' },
    shorthand: (c, id) => c.snooze(id, { adminId: ADMIN_ID, until: new Date(IN_AN_HOUR * 1000) }),
    action: { action: 'snooze', adminId: ADMIN_ID, until: new Date(IN_AN_HOUR * 1000) },
    body: { message_type: 'snoozed', admin_id: ADMIN_ID, snoozed_until: IN_AN_HOUR },
    result: { state: 'snoozed', open: true, snoozed_until: IN_AN_HOUR },
  },
  {
    name: 'snooze until a Date between two seconds (rounded up)',
    seed: { state: 'open' },
    shorthand: (c, id) =>
      c.snooze(id, { adminId: ADMIN_ID, until: new Date(IN_AN_HOUR * 1000 + 1) }),
    action: { action: 'snooze', adminId: ADMIN_ID, until: new Date(IN_AN_HOUR * 1000 + 1) },
    body: { message_type: 'snoozed', admin_id: ADMIN_ID, snoozed_until: IN_AN_HOUR + 1 },
    result: { state: 'snoozed', snoozed_until: IN_AN_HOUR + 1 },
  },
  {
    name: 'snooze until Unix seconds',
    seed: { state: 'closed' },
    shorthand: (c, id) => c.snooze(id, { adminId: ADMIN_ID, until: IN_AN_HOUR }),
    action: { action: 'snooze', adminId: ADMIN_ID, until: IN_AN_HOUR },
    body: { message_type: 'snoozed', admin_id: ADMIN_ID, snoozed_until: IN_AN_HOUR },
    result: { state: 'snoozed', open: true, snoozed_until: IN_AN_HOUR },
  },
  {
    name: 'open a closed conversation',
    seed: { state: 'closed' },
    shorthand: (c, id) => c.open(id, { adminId: ADMIN_ID }),
    action: { action: 'open', adminId: ADMIN_ID },
    body: { message_type: 'open', admin_id: ADMIN_ID },
    result: { state: 'open', open: true, snoozed_until: null },
  },
  {
    name: 'open a snoozed conversation',
    seed: { state: 'snoozed', snoozedUntil: IN_AN_HOUR },
    shorthand: (c, id) => c.open(id, { adminId: ADMIN_ID }),
    action: { action: 'open', adminId: ADMIN_ID },
    body: { message_type: 'open', admin_id: ADMIN_ID },
    result: { state: 'open', open: true, snoozed_until: null },
  },
  {
    name: 'assign to an admin',
    seed: { state: 'open', teamAssigneeId: TEAM_ID },
    shorthand: (c, id) =>
      c.assign(id, { adminId: ADMIN_ID, assignee: { type: 'admin', id: OTHER_ADMIN_ID } }),
    action: {
      action: 'assign',
      adminId: ADMIN_ID,
      assignee: { type: 'admin', id: OTHER_ADMIN_ID },
    },
    body: {
      message_type: 'assignment',
      type: 'admin',
      admin_id: ADMIN_ID,
      assignee_id: OTHER_ADMIN_ID,
    },
    result: { admin_assignee_id: Number(OTHER_ADMIN_ID), team_assignee_id: Number(TEAM_ID) },
  },
  {
    name: 'assign to a team, with a message',
    seed: { state: 'open', adminAssigneeId: OTHER_ADMIN_ID },
    shorthand: (c, id) =>
      c.assign(id, { adminId: ADMIN_ID, assignee: { type: 'team', id: TEAM_ID }, message: 'msg' }),
    action: {
      action: 'assign',
      adminId: ADMIN_ID,
      assignee: { type: 'team', id: TEAM_ID },
      message: 'msg',
    },
    body: {
      message_type: 'assignment',
      type: 'team',
      admin_id: ADMIN_ID,
      assignee_id: TEAM_ID,
      body: 'msg',
    },
    result: { admin_assignee_id: Number(OTHER_ADMIN_ID), team_assignee_id: Number(TEAM_ID) },
  },
  {
    name: 'unassign the admin',
    seed: { state: 'open', adminAssigneeId: OTHER_ADMIN_ID, teamAssigneeId: TEAM_ID },
    shorthand: (c, id) => c.unassign(id, { adminId: ADMIN_ID, from: 'admin' }),
    action: { action: 'unassign', adminId: ADMIN_ID, from: 'admin' },
    body: { message_type: 'assignment', type: 'admin', admin_id: ADMIN_ID, assignee_id: '0' },
    result: { admin_assignee_id: null, team_assignee_id: Number(TEAM_ID) },
  },
  {
    name: 'unassign the team',
    seed: { state: 'open', adminAssigneeId: OTHER_ADMIN_ID, teamAssigneeId: TEAM_ID },
    shorthand: (c, id) => c.unassign(id, { adminId: ADMIN_ID, from: 'team' }),
    action: { action: 'unassign', adminId: ADMIN_ID, from: 'team' },
    body: { message_type: 'assignment', type: 'team', admin_id: ADMIN_ID, assignee_id: '0' },
    result: { admin_assignee_id: Number(OTHER_ADMIN_ID), team_assignee_id: null },
  },
];

/** Asserts the one request the fake received, and that the result is the stored conversation. */
function expectSent(
  id: string,
  conversation: Conversation,
  body: Record<string, unknown>,
  result: Partial<Conversation>,
): void {
  expect(fake.requests).toHaveLength(1);
  const [request] = fake.requests;
  expect(request).toMatchObject({
    method: 'POST',
    path: `/conversations/${id}/parts`,
    authorized: true,
    status: 200,
    applied: true,
  });
  expect(request!.headers['content-type']).toMatch(/^application\/json/);
  expect(request!.body).toStrictEqual(body);
  expect(validator.validateRequestBody('manageConversation', request!.body)).toEqual([]);
  expect(validator.validateResponseBody('manageConversation', 200, conversation)).toEqual([]);
  expect(conversation).toStrictEqual(fake.conversations.get(id));
  expect(conversation).toMatchObject({ type: 'conversation', id, ...result });
}

describe.each(cases)('$name', ({ seed, shorthand, action, body, result }) => {
  it('through the shorthand sends exactly the API body and resolves to the conversation', async () => {
    const { id } = fake.conversations.add(seed);
    const conversation = await shorthand(conversations, id);
    expectSent(id, conversation, body, result);
  });

  it('through manage() does the same', async () => {
    const { id } = fake.conversations.add(seed);
    const conversation = await conversations.manage(id, action as never);
    expectSent(id, conversation, body, result);
  });

  it('through manageMany() does the same', async () => {
    const { id } = fake.conversations.add(seed);
    const report = await conversations.manageMany([{ id, action }]);
    expect(report).toMatchObject({ succeeded: 1, failed: 0 });
    const [outcome] = report.outcomes;
    expect(outcome).toMatchObject({ index: 0, id, ok: true });
    expectSent(id, (outcome as { conversation: Conversation }).conversation, body, result);
  });
});

describe('the conversation after an action', () => {
  it('records the action as a part by the admin, with the message', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    const closed = await conversations.close(id, { adminId: ADMIN_ID, message: 'Solved!' });
    const part = closed.conversation_parts?.conversation_parts?.at(-1);
    expect(part).toMatchObject({
      part_type: 'close',
      body: 'Solved!',
      author: { type: 'admin', id: ADMIN_ID },
    });
    expect(closed.updated_at).toBe(NOW_SECONDS);
  });

  it('leaves other conversations alone', async () => {
    const target = fake.conversations.add({ state: 'open' });
    const other = fake.conversations.add({ state: 'open' });
    await conversations.close(target.id, { adminId: ADMIN_ID });
    expect(fake.conversations.get(other.id)).toStrictEqual(other);
  });

  it('is a copy: changing it does not change the next answer', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    const snoozed = await conversations.snooze(id, { adminId: ADMIN_ID, until: IN_AN_HOUR });
    (snoozed as { title: string | null }).title = 'changed';
    const opened = await conversations.open(id, { adminId: ADMIN_ID });
    expect(opened.title).toBeNull();
    expect(opened.state).toBe('open');
  });
});

describe('ids', () => {
  it('numeric ids are sent as strings', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    const assigned = await conversations.assign(Number(id), {
      adminId: Number(ADMIN_ID),
      assignee: { type: 'team', id: Number(TEAM_ID) },
    });
    expect(fake.requests[0]!.path).toBe(`/conversations/${id}/parts`);
    expect(fake.requests[0]!.body).toStrictEqual({
      message_type: 'assignment',
      type: 'team',
      admin_id: ADMIN_ID,
      assignee_id: TEAM_ID,
    });
    expect(fake.requests[0]!.rawBody).toContain(`"admin_id":"${ADMIN_ID}"`);
    expect(assigned.team_assignee_id).toBe(Number(TEAM_ID));
  });

  it('numeric ids work in manage() too', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    await conversations.manage(Number(id), { action: 'close', adminId: 991267 });
    expect(fake.requests[0]!.body).toStrictEqual({
      message_type: 'close',
      type: 'admin',
      admin_id: ADMIN_ID,
    });
    expect(fake.conversations.get(id)?.state).toBe('closed');
  });

  it.each([
    ['a slash, a question mark and a hash', 'a/b?c#d'],
    ['a percent sign', '100%'],
    ['non-ASCII letters', 'conversación'],
    ['an encoded slash, as text', 'a%2Fb'],
  ])('a conversation id with %s is URL-encoded in the path', async (_name, id) => {
    const error = await rejectionOf(conversations.close(id, { adminId: ADMIN_ID }));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.path).toBe(`/conversations/${encodeURIComponent(id)}/parts`);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, errors: [{ code: 'not_found' }] });
  });

  it('an unknown conversation is a NotFoundError, and nothing changes', async () => {
    const existing = fake.conversations.add({ state: 'open' });
    const error = await rejectionOf(conversations.close('999', { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(fake.requests[0]!.applied).toBe(false);
    expect(fake.conversations.get(existing.id)).toStrictEqual(existing);
  });
});

describe('headers', () => {
  it('sends Intercom-Version and asks for JSON', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    await conversations.open(id, { adminId: ADMIN_ID });
    expect(fake.requests[0]!.headers['intercom-version']).toBe(defaultIntercomVersion);
    expect(fake.requests[0]!.headers['accept']).toBe('application/json');
  });
});

describe('conversations.rateLimit', () => {
  it('is undefined before the first answer', () => {
    expect(conversations.rateLimit).toBeUndefined();
  });

  it("reflects the fake's X-RateLimit headers after each call", async () => {
    fake = await startFake({ rateLimit: { limit: 5, windowSeconds: 60 } });
    conversations = clientFor(fake);
    const { id } = fake.conversations.add({ state: 'open' });

    await conversations.close(id, { adminId: ADMIN_ID });
    // NOW_MS starts a minute, so this window ends 60 s later.
    expect(conversations.rateLimit).toEqual({
      limit: 5,
      remaining: 4,
      resetAt: new Date((NOW_SECONDS + 60) * 1000),
    });

    await conversations.open(id, { adminId: ADMIN_ID });
    expect(conversations.rateLimit).toEqual({
      limit: 5,
      remaining: 3,
      resetAt: new Date((NOW_SECONDS + 60) * 1000),
    });
  });

  it('follows the default rate limit of the fake', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    await conversations.open(id, { adminId: ADMIN_ID });
    expect(conversations.rateLimit).toEqual({
      limit: 1666,
      remaining: 1665,
      resetAt: new Date((NOW_SECONDS + 10) * 1000),
    });
  });

  it('is updated by an error answer too', async () => {
    const error = await rejectionOf(conversations.open('404', { adminId: ADMIN_ID }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(conversations.rateLimit).toMatchObject({ limit: 1666, remaining: 1665 });
    expect((error as NotFoundError).rateLimit).toEqual(conversations.rateLimit);
  });

  it('stays undefined when the answers carry no rate-limit headers', async () => {
    fake = await startFake({ rateLimit: false });
    conversations = clientFor(fake);
    const { id } = fake.conversations.add({ state: 'open' });
    await conversations.open(id, { adminId: ADMIN_ID });
    expect(fake.requests[0]!.status).toBe(200);
    expect(conversations.rateLimit).toBeUndefined();
  });

  it('is a copy that a caller cannot change', async () => {
    const { id } = fake.conversations.add({ state: 'open' });
    await conversations.open(id, { adminId: ADMIN_ID });
    const state = conversations.rateLimit!;
    state.remaining = 0;
    state.resetAt.setTime(NOW_MS + 3_600_000);
    expect(conversations.rateLimit).toEqual({
      limit: 1666,
      remaining: 1665,
      resetAt: new Date((NOW_SECONDS + 10) * 1000),
    });
  });
});
