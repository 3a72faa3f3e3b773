import type { Conversation } from '@conversation-kit/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import { closeFakes, manualClock, START_SECONDS, startFake } from './test-support/fakes.js';
import { manage, post, type FakeResponse } from './test-support/http.js';
import { expectConversation, expectError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const OTHER_ADMIN = '814860';
const TEAM = '5017691';

let fake: FakeIntercom;
let conversation: Conversation;

beforeEach(async () => {
  const clock = manualClock();
  fake = await startFake({ now: clock.now });
  fake.admins.add(ADMIN);
  fake.admins.add(OTHER_ADMIN);
  fake.teams.add(TEAM);
  conversation = fake.conversations.add({ state: 'open', adminAssigneeId: OTHER_ADMIN });
});
afterEach(closeFakes);

/** Asserts the error, that the conversation is exactly as it was, and that nothing was applied. */
function expectRefused(
  response: FakeResponse,
  status: number,
  code: string,
  field: string | undefined,
): void {
  expectError(response, status, code, field);
  expect(fake.conversations.get(conversation.id)).toEqual(conversation);
  expect(fake.requests).toHaveLength(1);
  expect(fake.requests[0]).toMatchObject({ status, applied: false });
}

describe('a request body that is not a JSON object', () => {
  it.each([
    ['not JSON', 'message_type=close'],
    ['empty', ''],
    ['cut off', '{"message_type":"close",'],
    ['an array', '[{"message_type":"open","admin_id":"991267"}]'],
    ['a string', '"close"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('is refused as parameter_invalid when it is %s', async (_name, rawBody) => {
    expectRefused(
      await manage(fake, conversation.id, rawBody),
      400,
      'parameter_invalid',
      undefined,
    );
  });
});

describe('message_type', () => {
  it('is required', async () => {
    const response = await manage(fake, conversation.id, { admin_id: ADMIN });
    expectRefused(response, 400, 'parameter_not_found', 'message_type');
  });

  it.each([['reopen'], ['Close'], [5], [null]])(
    'must be a known one, not %j',
    async (messageType) => {
      const response = await manage(fake, conversation.id, {
        message_type: messageType,
        type: 'admin',
        admin_id: ADMIN,
      });
      expectRefused(response, 400, 'parameter_invalid', 'message_type');
    },
  );
});

describe('a missing field', () => {
  it.each([
    ['admin_id of close', { message_type: 'close', type: 'admin' }, 'admin_id'],
    ['type of close', { message_type: 'close', admin_id: ADMIN }, 'type'],
    ['admin_id of open', { message_type: 'open' }, 'admin_id'],
    ['snoozed_until of snoozed', { message_type: 'snoozed', admin_id: ADMIN }, 'snoozed_until'],
    [
      'assignee_id of assignment',
      { message_type: 'assignment', type: 'admin', admin_id: ADMIN },
      'assignee_id',
    ],
    [
      'type of assignment',
      { message_type: 'assignment', admin_id: ADMIN, assignee_id: OTHER_ADMIN },
      'type',
    ],
  ])('is parameter_not_found naming it: %s', async (_name, body, field) => {
    expectRefused(await manage(fake, conversation.id, body), 400, 'parameter_not_found', field);
  });
});

describe('a field of the wrong type or value', () => {
  it.each([
    ['admin_id as a number', { message_type: 'open', admin_id: 991267 }, 'admin_id'],
    ['type "user" on close', { message_type: 'close', type: 'user', admin_id: ADMIN }, 'type'],
    [
      'body as a number',
      { message_type: 'close', type: 'admin', admin_id: ADMIN, body: 5 },
      'body',
    ],
    [
      'snoozed_until as a string',
      { message_type: 'snoozed', admin_id: ADMIN, snoozed_until: String(START_SECONDS + 60) },
      'snoozed_until',
    ],
    [
      'snoozed_until as a fraction',
      { message_type: 'snoozed', admin_id: ADMIN, snoozed_until: START_SECONDS + 60.5 },
      'snoozed_until',
    ],
    [
      'assignment type "bot"',
      { message_type: 'assignment', type: 'bot', admin_id: ADMIN, assignee_id: OTHER_ADMIN },
      'type',
    ],
    [
      'assignee_id as a number',
      { message_type: 'assignment', type: 'admin', admin_id: ADMIN, assignee_id: 814860 },
      'assignee_id',
    ],
  ])('is parameter_invalid naming it: %s', async (_name, body, field) => {
    expectRefused(await manage(fake, conversation.id, body), 400, 'parameter_invalid', field);
  });
});

describe('what the action refers to', () => {
  const close = { message_type: 'close', type: 'admin', admin_id: ADMIN };

  it('an unknown conversation is not_found', async () => {
    const response = await manage(fake, '999999', close);
    expectError(response, 404, 'not_found', undefined);
    expect(fake.conversations.get('999999')).toBeUndefined();
    expect(fake.conversations.get(conversation.id)).toEqual(conversation);
    expect(fake.requests[0]).toMatchObject({ status: 404, applied: false });
  });

  it.each([
    ['close', close],
    ['open', { message_type: 'open', admin_id: '123' }],
    ['snoozed', { message_type: 'snoozed', admin_id: '123', snoozed_until: START_SECONDS + 60 }],
    [
      'assignment',
      { message_type: 'assignment', type: 'team', admin_id: '123', assignee_id: TEAM },
    ],
  ])('an unknown admin_id is admin_not_found on %s', async (_name, body) => {
    const response = await manage(fake, conversation.id, { ...body, admin_id: '123' });
    expectRefused(response, 404, 'admin_not_found', 'admin_id');
  });

  it.each([
    ['an unknown admin assignee', 'admin', '777', 'admin_not_found'],
    ['an unknown team assignee', 'team', '777', 'team_not_found'],
    ['an admin id assigned as a team', 'team', OTHER_ADMIN, 'team_not_found'],
    ['a team id assigned as an admin', 'admin', TEAM, 'admin_not_found'],
  ] as const)('%s is refused naming assignee_id', async (_name, type, assigneeId, code) => {
    const response = await manage(fake, conversation.id, {
      message_type: 'assignment',
      type,
      admin_id: ADMIN,
      assignee_id: assigneeId,
    });
    expectRefused(response, 404, code, 'assignee_id');
  });
});

describe('snoozed_until', () => {
  it.each([
    ['now', START_SECONDS],
    ['in the past', START_SECONDS - 3600],
  ])('is parameter_invalid when it is %s', async (_name, until) => {
    const response = await manage(fake, conversation.id, {
      message_type: 'snoozed',
      admin_id: ADMIN,
      snoozed_until: until,
    });
    expectRefused(response, 400, 'parameter_invalid', 'snoozed_until');
  });
});

describe('routes', () => {
  it.each([
    ['GET on the parts path', 'GET', `/conversations/{id}/parts`],
    ['PUT on the parts path', 'PUT', `/conversations/{id}/parts`],
    ['POST elsewhere', 'POST', `/conversations/{id}`],
    ['POST to a nested path', 'POST', `/conversations/{id}/parts/1`],
    ['POST to the root', 'POST', `/`],
  ])('%s is not_found', async (_name, method, template) => {
    const path = template.replace('{id}', conversation.id);
    const response = await post(
      fake,
      path,
      { message_type: 'close', type: 'admin', admin_id: ADMIN },
      { method },
    );
    expectRefused(response, 404, 'not_found', undefined);
  });

  it('accepts a percent-encoded conversation id', async () => {
    const encoded = [...conversation.id].map((digit) => `%3${digit}`).join('');
    const response = await post(fake, `/conversations/${encoded}/parts`, {
      message_type: 'close',
      type: 'admin',
      admin_id: ADMIN,
    });
    expect(expectConversation(response).state).toBe('closed');
    expect(fake.conversations.get(conversation.id)?.state).toBe('closed');
  });
});

describe('the order of the checks', () => {
  it('checks the body before looking up the conversation', async () => {
    const response = await manage(fake, '999999', { message_type: 'open' });
    expectError(response, 400, 'parameter_not_found', 'admin_id');
  });

  it('looks up the conversation before the admin', async () => {
    const response = await manage(fake, '999999', { message_type: 'open', admin_id: '123' });
    expectError(response, 404, 'not_found', undefined);
  });

  it('looks up the admin before judging snoozed_until', async () => {
    const response = await manage(fake, conversation.id, {
      message_type: 'snoozed',
      admin_id: '123',
      snoozed_until: START_SECONDS - 1,
    });
    expectRefused(response, 404, 'admin_not_found', 'admin_id');
  });

  it('routes before reading the body', async () => {
    const response = await post(fake, '/contacts', 'not json');
    expectError(response, 404, 'not_found', undefined);
  });
});

describe('after a failure', () => {
  it('the same conversation still takes a valid action', async () => {
    const refused = await manage(fake, conversation.id, {
      message_type: 'close',
      type: 'admin',
      admin_id: '123',
    });
    expectError(refused, 404, 'admin_not_found', 'admin_id');
    const response = await manage(fake, conversation.id, {
      message_type: 'close',
      type: 'admin',
      admin_id: ADMIN,
    });
    expectConversation(response);
    const stored = fake.conversations.get(conversation.id);
    expect(stored?.conversation_parts?.total_count).toBe(1);
    expect(fake.requests.map((request) => request.applied)).toEqual([false, true]);
  });
});
