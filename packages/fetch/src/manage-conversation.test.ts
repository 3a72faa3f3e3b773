import { describe, expect, test } from 'vitest';
import { manageConversation } from './index.js';
import { clientFor, fakesClosedAfterEach } from './test-support/fake-intercom.js';
import {
  adminId,
  closeRequest,
  conversationParams,
  nowSeconds,
  teamId,
} from './test-support/fixtures.js';

const startFake = fakesClosedAfterEach();

describe('manageConversation changes the conversation Intercom keeps', () => {
  test('close closes it', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add({ state: 'open' });
    const { data, error } = await manageConversation(clientFor(fake), {
      params: { path: conversationParams(id) },
      body: closeRequest,
    });
    expect(error).toBeUndefined();
    const stored = fake.conversations.get(id);
    expect(data).toEqual(stored);
    expect(stored).toMatchObject({ state: 'closed', open: false });
    expect(stored?.conversation_parts?.conversation_parts?.at(-1)).toMatchObject({
      part_type: 'close',
      body: closeRequest.body,
      author: { type: 'admin', id: adminId },
    });
  });

  test('snoozed snoozes it until the time given', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add({ state: 'open' });
    const snoozedUntil = nowSeconds + 3600;
    const { data, error } = await manageConversation(clientFor(fake), {
      params: { path: conversationParams(id) },
      body: { message_type: 'snoozed', admin_id: adminId, snoozed_until: snoozedUntil },
    });
    expect(error).toBeUndefined();
    const stored = fake.conversations.get(id);
    expect(data).toEqual(stored);
    expect(stored).toMatchObject({ state: 'snoozed', open: true, snoozed_until: snoozedUntil });
  });

  test('open reopens a closed one', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add({ state: 'closed' });
    const { data, error } = await manageConversation(clientFor(fake), {
      params: { path: conversationParams(id) },
      body: { message_type: 'open', admin_id: adminId },
    });
    expect(error).toBeUndefined();
    const stored = fake.conversations.get(id);
    expect(data).toEqual(stored);
    expect(stored).toMatchObject({ state: 'open', open: true, snoozed_until: null });
    expect(stored?.statistics?.count_reopens).toBe(1);
  });

  test('assignment assigns it to an admin', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add({ adminAssigneeId: null });
    const { data, error } = await manageConversation(clientFor(fake), {
      params: { path: conversationParams(id) },
      body: { message_type: 'assignment', type: 'admin', admin_id: adminId, assignee_id: adminId },
    });
    expect(error).toBeUndefined();
    const stored = fake.conversations.get(id);
    expect(data).toEqual(stored);
    expect(stored?.admin_assignee_id).toBe(Number(adminId));
  });

  test('assignment assigns it to a team', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add({ teamAssigneeId: null });
    const { data, error } = await manageConversation(clientFor(fake), {
      params: { path: conversationParams(id) },
      body: {
        message_type: 'assignment',
        type: 'team',
        admin_id: adminId,
        assignee_id: teamId,
        body: 'Let me pass you over to one of my colleagues.',
      },
    });
    expect(error).toBeUndefined();
    const stored = fake.conversations.get(id);
    expect(data).toEqual(stored);
    expect(stored?.team_assignee_id).toBe(Number(teamId));
    expect(stored?.conversation_parts?.conversation_parts?.at(-1)?.assigned_to).toEqual({
      type: 'team',
      id: teamId,
    });
  });
});
