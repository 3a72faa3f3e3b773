import type { Conversation } from '@conversation-kit/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';
import {
  closeFakes,
  lastPartOf,
  manualClock,
  START_SECONDS,
  startFake,
} from './test-support/fakes.js';
import { manage } from './test-support/http.js';
import { expectComponentValid, expectConversation } from './test-support/spec-assertions.js';

let clock: ReturnType<typeof manualClock>;
let fake: FakeIntercom;

beforeEach(async () => {
  clock = manualClock();
  fake = await startFake({ now: clock.now });
});
afterEach(closeFakes);

describe('conversations.add', () => {
  it('makes an open, unassigned conversation by default, stamped with the fake clock', () => {
    clock.advance(90);
    const conversation = fake.conversations.add();
    expect(conversation).toMatchObject({
      type: 'conversation',
      id: expect.stringMatching(/^\d+$/),
      title: null,
      created_at: START_SECONDS + 90,
      updated_at: START_SECONDS + 90,
      waiting_since: null,
      snoozed_until: null,
      open: true,
      state: 'open',
      read: true,
      priority: 'not_priority',
      admin_assignee_id: null,
      team_assignee_id: null,
      statistics: {
        type: 'conversation_statistics',
        count_reopens: 0,
        count_assignments: 0,
        count_conversation_parts: 0,
      },
      conversation_parts: {
        type: 'conversation_part.list',
        conversation_parts: [],
        total_count: 0,
      },
    });
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
  });

  it.each<[string, Parameters<FakeIntercom['conversations']['add']>[0]]>([
    ['the default', undefined],
    ['closed', { state: 'closed' }],
    ['snoozed', { state: 'snoozed', snoozedUntil: START_SECONDS + 60 }],
    [
      'assigned, titled, unread and priority',
      {
        adminAssigneeId: 814860,
        teamAssigneeId: '5017691',
        title: 'Refund',
        read: false,
        priority: 'priority',
        createdAt: START_SECONDS - 3600,
      },
    ],
  ])('seeds a conversation valid against the conversation schema: %s', (_name, seed) => {
    const conversation = fake.conversations.add(seed);
    expectComponentValid('conversation', conversation);
    expectComponentValid('conversation', fake.conversations.get(conversation.id));
  });

  it('gives each conversation its own id, skipping ids that were seeded', () => {
    const first = fake.conversations.add();
    fake.conversations.add({ id: String(Number(first.id) + 1) });
    const third = fake.conversations.add();
    expect(third.id).toMatch(/^\d+$/);
    expect(new Set([first.id, String(Number(first.id) + 1), third.id]).size).toBe(3);
  });

  it('takes what the seed gives', () => {
    const conversation = fake.conversations.add({
      id: '1295',
      state: 'closed',
      adminAssigneeId: '814860',
      teamAssigneeId: 5017691,
      title: 'Refund',
      read: false,
      priority: 'priority',
      createdAt: 1663597223,
    });
    expect(conversation).toMatchObject({
      id: '1295',
      state: 'closed',
      open: false,
      snoozed_until: null,
      admin_assignee_id: 814860,
      team_assignee_id: 5017691,
      title: 'Refund',
      read: false,
      priority: 'priority',
      created_at: 1663597223,
      updated_at: 1663597223,
    });
  });

  it('seeds a snoozed conversation with its snoozedUntil, still open', () => {
    const conversation = fake.conversations.add({
      state: 'snoozed',
      snoozedUntil: START_SECONDS + 600,
    });
    expect(conversation).toMatchObject({
      state: 'snoozed',
      open: true,
      snoozed_until: START_SECONDS + 600,
    });
  });

  it.each([[undefined], [1.5], [Number.NaN]])(
    'refuses a snoozed conversation with snoozedUntil %s',
    (snoozedUntil) => {
      const seed = {
        state: 'snoozed' as const,
        id: '77',
        ...(snoozedUntil === undefined ? {} : { snoozedUntil }),
      };
      expect(() => fake.conversations.add(seed)).toThrow(TypeError);
      expect(() => fake.conversations.add(seed)).toThrow(/snoozedUntil/);
      expect(fake.conversations.get('77')).toBeUndefined();
    },
  );

  it('refuses an unknown state', () => {
    expect(() => fake.conversations.add({ state: 'pending' as 'open' })).toThrow(TypeError);
  });

  it.each([['abc'], ['12a'], [''], [' 12'], ['-1'], ['1.5'], ['1/2']])(
    'refuses the id %j, which is not digits',
    (id) => {
      expect(() => fake.conversations.add({ id })).toThrow(TypeError);
      expect(() => fake.conversations.add({ id })).toThrow(/digits/);
      expect(fake.conversations.get(id)).toBeUndefined();
    },
  );

  it('refuses an id that exists already, keeping the first conversation', () => {
    const first = fake.conversations.add({ id: '42', state: 'closed' });
    expect(() => fake.conversations.add({ id: '42' })).toThrow(TypeError);
    expect(() => fake.conversations.add({ id: '42' })).toThrow(/exists already/);
    expect(fake.conversations.get('42')).toEqual(first);
  });

  it.each([['abc'], [0], ['0'], ['007'], [-5], [1.5]])('refuses the assignee id %j', (assignee) => {
    expect(() => fake.conversations.add({ adminAssigneeId: assignee })).toThrow(TypeError);
    expect(() => fake.conversations.add({ teamAssigneeId: assignee })).toThrow(TypeError);
  });

  it('refuses a createdAt that is not whole Unix seconds, or seeds a spec-valid conversation', () => {
    let conversation: Conversation;
    try {
      conversation = fake.conversations.add({ createdAt: START_SECONDS + 0.5 });
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      return;
    }
    expectComponentValid('conversation', conversation);
  });

  it('returns copies: changing what add() or get() returned changes nothing stored', () => {
    const added = fake.conversations.add({ id: '9' });
    const snapshot = structuredClone(added);
    added.state = 'closed';
    added.statistics!.count_reopens = 99;
    const got = fake.conversations.get('9') as Conversation;
    expect(got).toEqual(snapshot);
    got.title = 'changed';
    got.conversation_parts?.conversation_parts?.push(aPart());
    expect(fake.conversations.get('9')).toEqual(snapshot);
    expect(fake.conversations.get('9')).not.toBe(fake.conversations.get('9'));
  });

  it('answers copies too: a response does not change with later actions', async () => {
    fake.admins.add(1);
    const { id } = fake.conversations.add();
    const stored = fake.conversations.get(id);
    const first = expectConversation(
      await manage(fake, id, { message_type: 'close', type: 'admin', admin_id: '1' }),
    );
    expect(stored?.state).toBe('open');
    expectConversation(await manage(fake, id, { message_type: 'open', admin_id: '1' }));
    expect(first.state).toBe('closed');
    expect(first.conversation_parts?.total_count).toBe(1);
  });

  it('knows nothing of an id never added', () => {
    expect(fake.conversations.get('123456')).toBeUndefined();
  });
});

describe('admins and teams', () => {
  it('take numeric ids as numbers or digits, and find them either way', () => {
    fake.admins.add(991267);
    fake.teams.add('5017691');
    expect(fake.admins.has('991267')).toBe(true);
    expect(fake.admins.has(991267)).toBe(true);
    expect(fake.teams.has(5017691)).toBe(true);
    expect(fake.teams.has('5017691')).toBe(true);
    expect(fake.admins.has('5017691')).toBe(false);
    expect(fake.teams.has('991267')).toBe(false);
  });

  it.each([['abc'], [''], ['0'], [0], ['007'], [-1], [1.5], ['12 ']])('refuse the id %j', (id) => {
    expect(() => fake.admins.add(id)).toThrow(TypeError);
    expect(() => fake.admins.add(id)).toThrow(/admin id/);
    expect(() => fake.teams.add(id)).toThrow(TypeError);
    expect(() => fake.teams.add(id)).toThrow(/team id/);
    expect(fake.admins.has(id)).toBe(false);
    expect(fake.teams.has(id)).toBe(false);
  });

  it('give an admin a default name and email, which author the parts it adds', async () => {
    fake.admins.add(991267);
    fake.teams.add(5017691);
    const { id } = fake.conversations.add();
    const after = expectConversation(
      await manage(fake, id, {
        message_type: 'assignment',
        type: 'team',
        admin_id: '991267',
        assignee_id: '5017691',
      }),
    );
    expect(lastPartOf(after).author).toEqual({
      type: 'admin',
      id: '991267',
      name: 'Admin 991267',
      email: 'admin-991267@example.com',
    });
    expect(after.team_assignee_id).toBe(5017691);
  });

  it('use the name and email given for an admin', async () => {
    fake.admins.add('12345', { name: 'Ciaran Lee', email: 'ciaran@example.com' });
    const { id } = fake.conversations.add();
    const after = expectConversation(
      await manage(fake, id, { message_type: 'open', admin_id: '12345' }),
    );
    expect(lastPartOf(after).author).toEqual({
      type: 'admin',
      id: '12345',
      name: 'Ciaran Lee',
      email: 'ciaran@example.com',
    });
  });
});

function aPart() {
  return { type: 'conversation_part', id: '1', part_type: 'note', created_at: 0, updated_at: 0 };
}

describe('seeds given as options', () => {
  it('starts with the admins, teams and conversations it was given', async () => {
    await using seeded = await startFakeIntercom({
      admins: ['991267', { id: 814860, name: 'Ciaran Lee', email: 'ciaran@example.com' }],
      teams: [5017691],
      conversations: [
        { id: '123', state: 'closed' },
        { state: 'snoozed', snoozedUntil: 1767229200 },
      ],
    });
    expect(seeded.admins.has('991267')).toBe(true);
    expect(seeded.admins.has(814860)).toBe(true);
    expect(seeded.teams.has('5017691')).toBe(true);
    expect(seeded.conversations.get('123')?.state).toBe('closed');
    const answer = await manage(seeded, '123', {
      message_type: 'open',
      admin_id: '814860',
    });
    expect(answer.status).toBe(200);
    expect(seeded.conversations.get('123')?.state).toBe('open');
  });

  it('refuses a bad seed before it listens, naming what is wrong', async () => {
    await expect(startFakeIntercom({ admins: ['not-a-number'] })).rejects.toThrow(/admin id/);
    await expect(startFakeIntercom({ conversations: [{ id: 'abc' }] })).rejects.toThrow(
      /id must be digits/,
    );
  });

  it('closes when disposed, so `await using` ends it with the block', async () => {
    let url = '';
    {
      await using scoped = await startFakeIntercom();
      url = scoped.url;
      expect((await fetch(`${url}/conversations/1/parts`, { method: 'POST' })).status).toBe(401);
    }
    await expect(fetch(`${url}/conversations/1/parts`, { method: 'POST' })).rejects.toThrow();
  });
});
