import type { FakeIntercom } from '@conversation-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConversationsError,
  createConversations,
  ValidationError,
  type Conversations,
  type ConversationsOptions,
} from './index.js';
import {
  ADMIN_ID,
  clientFor,
  fakesClosedAfterEach,
  NOW_MS,
  NOW_SECONDS,
  TEAM_ID,
} from './test-support/actions-fixtures.js';
import { collect, rejectionOf } from './test-support/collected-errors.js';
import { TOKEN } from './test-support/token.js';

const startFake = fakesClosedAfterEach();

/** The conversation every call here targets; it exists, so only validation can stop a call. */
const ID = '1000000001';
const IN_AN_HOUR = NOW_SECONDS + 3600;

let fake: FakeIntercom;
let conversations: Conversations;

beforeEach(async () => {
  fake = await startFake();
  fake.conversations.add({ id: ID, state: 'open' });
  conversations = clientFor(fake);
});

/** Any call, as a plain-JavaScript caller could make it: the types do not stop anything here. */
type Call = (conversations: Conversations) => Promise<unknown>;

/** The methods, callable with anything, as from JavaScript. */
function js(
  conversations: Conversations,
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  return conversations as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
}

const close =
  (id: unknown, options: unknown): Call =>
  (c) =>
    js(c)['close']!(id, options);
const snooze =
  (options: Record<string, unknown>): Call =>
  (c) =>
    js(c)['snooze']!(ID, { adminId: ADMIN_ID, ...options });
const assign =
  (options: Record<string, unknown>): Call =>
  (c) =>
    js(c)['assign']!(ID, { adminId: ADMIN_ID, ...options });
const unassign =
  (options: Record<string, unknown>): Call =>
  (c) =>
    js(c)['unassign']!(ID, { adminId: ADMIN_ID, ...options });
const manage =
  (action: unknown): Call =>
  (c) =>
    js(c)['manage']!(ID, action);
const manageOn =
  (id: unknown, action: unknown): Call =>
  (c) =>
    js(c)['manage']!(id, action);

/** Asserts a ValidationError naming `field`, with nothing sent. */
async function expectRefused(call: Promise<unknown>, field: string): Promise<ValidationError> {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toBeInstanceOf(ConversationsError);
  const validation = error as ValidationError;
  expect(validation.field).toBe(field);
  expect(validation.message.startsWith(`${field} `)).toBe(true);
  expect(validation.mayHaveBeenApplied).toBe(false);
  expect(fake.requests).toHaveLength(0);
  return validation;
}

describe('the calls the corpus breaks are sent when valid', () => {
  // Without this, "nothing was sent" below could hold because nothing can be sent at all.
  it.each<[string, Call]>([
    ['close', close(ID, { adminId: ADMIN_ID, message: 'Bye' })],
    ['snooze', snooze({ until: IN_AN_HOUR })],
    ['assign', assign({ assignee: { type: 'team', id: TEAM_ID } })],
    ['unassign', unassign({ from: 'team' })],
    ['manage', manage({ action: 'open', adminId: ADMIN_ID })],
  ])('%s', async (_name, call) => {
    await call(conversations);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.status).toBe(200);
  });
});

const badIds: Array<[string, unknown]> = [
  ['missing', undefined],
  ['empty', ''],
  ['whitespace only', '   '],
  ['with a leading space', ' 123'],
  ['with a trailing newline', '123\n'],
  ['with a tab inside', '12\t3'],
  ['with a no-break space', '123\u00a0'],
  ['with a NUL', '12\u00003'],
  ['with DEL', '123\u007f'],
  ['with a C1 control character', '123\u0085'],
  ['with a line separator', '123\u2028'],
  ['fractional', 1.5],
  ['negative', -1],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['an unsafe integer', 2 ** 53],
  ['a bigint', 123n],
  ['an object', { id: '123' }],
  ['an array', ['123']],
  ['a boolean', true],
  ['null', null],
];

describe('conversation ids', () => {
  it.each(badIds)('%s is refused as id', async (_name, id) => {
    await expectRefused(close(id, { adminId: ADMIN_ID })(conversations), 'id');
  });

  it.each(badIds)('%s is refused as id by manage()', async (_name, id) => {
    await expectRefused(manageOn(id, { action: 'open', adminId: ADMIN_ID })(conversations), 'id');
  });

  it('is checked before the action', async () => {
    await expectRefused(manageOn('', { action: 'nope' })(conversations), 'id');
  });

  it.each(['.', '..'])('%s is refused as id, not sent to another path', async (id) => {
    await expectRefused(close(id, { adminId: ADMIN_ID })(conversations), 'id');
  });
});

describe('admin ids', () => {
  it.each(badIds)('%s is refused as options.adminId', async (_name, adminId) => {
    await expectRefused(close(ID, { adminId })(conversations), 'options.adminId');
  });

  it.each(badIds)('%s is refused as action.adminId', async (_name, adminId) => {
    await expectRefused(manage({ action: 'close', adminId })(conversations), 'action.adminId');
  });
});

describe('the action', () => {
  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'action'],
    ['null', null, 'action'],
    ['a string', 'close', 'action'],
    ['an array', [{ action: 'close', adminId: ADMIN_ID }], 'action'],
    ['a number', 1, 'action'],
    ['without action', { adminId: ADMIN_ID }, 'action.action'],
    ['with an unknown action', { action: 'reopen', adminId: ADMIN_ID }, 'action.action'],
    ['with the API name of an action', { action: 'snoozed', adminId: ADMIN_ID }, 'action.action'],
    ['with an action in capitals', { action: 'Close', adminId: ADMIN_ID }, 'action.action'],
    ['with action "constructor"', { action: 'constructor', adminId: ADMIN_ID }, 'action.action'],
    ['with action "toString"', { action: 'toString', adminId: ADMIN_ID }, 'action.action'],
    ['with action "__proto__"', { action: '__proto__', adminId: ADMIN_ID }, 'action.action'],
    ['with a number as action', { action: 1, adminId: ADMIN_ID }, 'action.action'],
    ['with null as action', { action: null, adminId: ADMIN_ID }, 'action.action'],
    ['with an array as action', { action: ['close'], adminId: ADMIN_ID }, 'action.action'],
    ['without adminId', { action: 'open' }, 'action.adminId'],
  ])('%s is refused', async (_name, action, field) => {
    await expectRefused(manage(action)(conversations), field);
  });
});

// Every field of another action, on every action it does not belong to.
const FIELDS = {
  close: ['message'],
  snooze: ['until'],
  open: [],
  assign: ['assignee', 'message'],
  unassign: ['from'],
} as const;
const VALUES: Record<string, unknown> = {
  message: 'Hello',
  until: IN_AN_HOUR,
  assignee: { type: 'team', id: TEAM_ID },
  from: 'team',
};
const VALID: Record<keyof typeof FIELDS, Record<string, unknown>> = {
  close: {},
  snooze: { until: IN_AN_HOUR },
  open: {},
  assign: { assignee: { type: 'admin', id: ADMIN_ID } },
  unassign: { from: 'admin' },
};
const foreignFields = (Object.keys(FIELDS) as Array<keyof typeof FIELDS>).flatMap((action) =>
  Object.keys(VALUES)
    .filter((field) => !(FIELDS[action] as readonly string[]).includes(field))
    .map((field): [keyof typeof FIELDS, string] => [action, field]),
);

describe('fields of another action', () => {
  it('are every pair that makes sense', () => {
    expect(foreignFields).toHaveLength(15);
  });

  it.each(foreignFields)('%s with %s is refused in manage()', async (action, field) => {
    const error = await expectRefused(
      manage({ action, adminId: ADMIN_ID, ...VALID[action], [field]: VALUES[field] })(
        conversations,
      ),
      `action.${field}`,
    );
    expect(error.message).toContain(`not ${action}`);
  });

  it.each(foreignFields)('%s with %s is refused in the shorthand', async (action, field) => {
    await expectRefused(
      js(conversations)[action]!(ID, {
        adminId: ADMIN_ID,
        ...VALID[action],
        [field]: VALUES[field],
      }),
      `options.${field}`,
    );
  });

  it('is refused even when undefined', async () => {
    await expectRefused(
      close(ID, { adminId: ADMIN_ID, until: undefined })(conversations),
      'options.until',
    );
  });
});

describe('unknown fields', () => {
  it.each<[string, Call, string]>([
    ['body', manage({ action: 'close', adminId: ADMIN_ID, body: 'x' }), 'action.body'],
    ['admin_id', manage({ action: 'open', admin_id: ADMIN_ID }), 'action.admin_id'],
    [
      'signal, in the action',
      manage({ action: 'open', adminId: ADMIN_ID, signal: new AbortController().signal }),
      'action.signal',
    ],
    ['adminID', close(ID, { adminId: ADMIN_ID, adminID: ADMIN_ID }), 'options.adminID'],
    ['snoozedUntil', snooze({ snoozedUntil: IN_AN_HOUR }), 'options.snoozedUntil'],
    ['type', unassign({ from: 'team', type: 'team' }), 'options.type'],
  ])('%s is refused', async (_name, call, field) => {
    await expectRefused(call(conversations), field);
  });
});

describe('until', () => {
  it.each<[string, unknown]>([
    ['missing', undefined],
    ['an invalid Date', new Date('not a date')],
    ['a Date in the past', new Date(NOW_MS - 60_000)],
    ['a Date that is now', new Date(NOW_MS)],
    ['seconds that are now', NOW_SECONDS],
    ['seconds in the past', NOW_SECONDS - 1],
    ['0', 0],
    ['negative', -1],
    ['milliseconds', NOW_MS + 3_600_000],
    ['fractional seconds', IN_AN_HOUR + 0.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53],
    ['a date string', '2027-01-01T00:00:00Z'],
    ['a string of seconds', String(IN_AN_HOUR)],
    ['null', null],
    ['an object', { seconds: IN_AN_HOUR }],
    ['a bigint', BigInt(IN_AN_HOUR)],
  ])('%s is refused', async (_name, until) => {
    await expectRefused(snooze({ until })(conversations), 'options.until');
  });

  it('in milliseconds is named as such', async () => {
    const error = await expectRefused(
      snooze({ until: NOW_MS + 3_600_000 })(conversations),
      'options.until',
    );
    expect(error.message).toContain('milliseconds');
    expect(error.expected).toContain(String(IN_AN_HOUR));
  });

  it('is refused in manage() too', async () => {
    await expectRefused(
      manage({ action: 'snooze', adminId: ADMIN_ID, until: new Date(NOW_MS - 1) })(conversations),
      'action.until',
    );
  });

  it('far in the past is refused as a ValidationError, not a RangeError', async () => {
    await expectRefused(snooze({ until: -1e13 })(conversations), 'options.until');
  });
});

describe('message', () => {
  it.each<[string, unknown]>([
    ['a number', 42],
    ['empty', ''],
    ['blank', ' \n\t '],
    ['null', null],
    ['an object', { text: 'Bye' }],
    ['an array', ['Bye']],
    ['a boolean', false],
  ])('%s is refused by close', async (_name, message) => {
    await expectRefused(
      close(ID, { adminId: ADMIN_ID, message })(conversations),
      'options.message',
    );
  });

  it.each<[string, unknown]>([
    ['blank', '   '],
    ['a number', 1],
  ])('%s is refused by assign', async (_name, message) => {
    await expectRefused(
      assign({ assignee: { type: 'team', id: TEAM_ID }, message })(conversations),
      'options.message',
    );
  });
});

describe('assignee', () => {
  it.each<[string, unknown, string]>([
    ['missing', undefined, 'options.assignee'],
    ['a string', 'team', 'options.assignee'],
    ['null', null, 'options.assignee'],
    ['an array', [{ type: 'team', id: TEAM_ID }], 'options.assignee'],
    ['a number', 5017691, 'options.assignee'],
    ['without type', { id: TEAM_ID }, 'options.assignee.type'],
    ['with an unknown type', { type: 'group', id: TEAM_ID }, 'options.assignee.type'],
    ['with a type in capitals', { type: 'Team', id: TEAM_ID }, 'options.assignee.type'],
    ['with a number as type', { type: 1, id: TEAM_ID }, 'options.assignee.type'],
    ['without id', { type: 'team' }, 'options.assignee.id'],
    ['with id "0"', { type: 'team', id: '0' }, 'options.assignee.id'],
    ['with id 0', { type: 'admin', id: 0 }, 'options.assignee.id'],
    ['with a negative id', { type: 'team', id: -5017691 }, 'options.assignee.id'],
    ['with id "-1"', { type: 'team', id: '-1' }, 'options.assignee.id'],
    ['with a leading zero', { type: 'team', id: '05017691' }, 'options.assignee.id'],
    ['with letters in the id', { type: 'team', id: '50a' }, 'options.assignee.id'],
    ['with a fractional id', { type: 'admin', id: 1.5 }, 'options.assignee.id'],
    ['with an empty id', { type: 'admin', id: '' }, 'options.assignee.id'],
    ['with an id with spaces', { type: 'admin', id: ' 1' }, 'options.assignee.id'],
    ['with an object as id', { type: 'admin', id: { id: 1 } }, 'options.assignee.id'],
    [
      'with an extra field',
      { type: 'team', id: TEAM_ID, name: 'Support' },
      'options.assignee.name',
    ],
  ])('%s is refused', async (_name, assignee, field) => {
    await expectRefused(assign({ assignee })(conversations), field);
  });

  it('"0" points to unassign()', async () => {
    const error = await expectRefused(
      assign({ assignee: { type: 'team', id: '0' } })(conversations),
      'options.assignee.id',
    );
    expect(error.expected).toContain('unassign()');
  });

  it('is checked in manage() too', async () => {
    await expectRefused(
      manage({ action: 'assign', adminId: ADMIN_ID, assignee: { type: 'team', id: '0' } })(
        conversations,
      ),
      'action.assignee.id',
    );
  });
});

describe('from', () => {
  it.each<[string, unknown]>([
    ['missing', undefined],
    ['unknown', 'everyone'],
    ['in capitals', 'Admin'],
    ['an assignee', { type: 'team', id: TEAM_ID }],
    ['a number', 0],
    ['null', null],
  ])('%s is refused', async (_name, from) => {
    await expectRefused(unassign({ from })(conversations), 'options.from');
  });

  it('is checked in manage() too', async () => {
    await expectRefused(
      manage({ action: 'unassign', adminId: ADMIN_ID, from: 'nobody' })(conversations),
      'action.from',
    );
  });
});

describe('the options of a shorthand', () => {
  it.each<[string, string, unknown]>([
    ['missing', 'close', undefined],
    ['null', 'open', null],
    ['a string', 'snooze', ADMIN_ID],
    ['a number', 'unassign', 991267],
    ['a boolean', 'assign', true],
  ])('%s are refused', async (_name, method, options) => {
    await expectRefused(js(conversations)[method]!(ID, options), 'options');
  });
});

describe('manageMany() refuses the whole call', () => {
  it.each<[string, unknown, unknown, string]>([
    ['items that are null', null, undefined, 'items'],
    ['items that are an object', { 0: { id: ID } }, undefined, 'items'],
    ['items that are a string', 'items', undefined, 'items'],
    ['missing items', undefined, undefined, 'items'],
    ['a concurrency of 0', [], { concurrency: 0 }, 'concurrency'],
    ['a concurrency of 65', [], { concurrency: 65 }, 'concurrency'],
    ['a negative concurrency', [], { concurrency: -1 }, 'concurrency'],
    ['a fractional concurrency', [], { concurrency: 1.5 }, 'concurrency'],
    ['a concurrency of NaN', [], { concurrency: Number.NaN }, 'concurrency'],
    ['a concurrency of Infinity', [], { concurrency: Number.POSITIVE_INFINITY }, 'concurrency'],
    ['a concurrency as a string', [], { concurrency: '4' }, 'concurrency'],
    ['a concurrency of null', [], { concurrency: null }, 'concurrency'],
  ])('for %s', async (_name, items, options, field) => {
    const valid = { id: ID, action: { action: 'open', adminId: ADMIN_ID } };
    const list = Array.isArray(items) ? [valid] : items;
    await expectRefused(js(conversations)['manageMany']!(list, options), field);
  });
});

describe('manageMany() options', () => {
  it('that are null are refused as a ValidationError', async () => {
    const items = [{ id: ID, action: { action: 'open', adminId: ADMIN_ID } }];
    await expectRefused(js(conversations)['manageMany']!(items, null), 'options');
  });
});

describe('manageMany() items', () => {
  it('an invalid item fails alone, pointing at the item, and only valid items are sent', async () => {
    const other = fake.conversations.add({ state: 'closed' });
    const report = await conversations.manageMany([
      { id: ID, action: { action: 'close', adminId: ADMIN_ID } },
      { id: ID, action: { action: 'snooze', adminId: ADMIN_ID, until: NOW_SECONDS - 10 } },
      { id: other.id, action: { action: 'open', adminId: ADMIN_ID } },
      { id: '', action: { action: 'open', adminId: ADMIN_ID } },
      {
        id: ID,
        action: { action: 'assign', adminId: ADMIN_ID, assignee: { type: 'team', id: 0 } },
      },
      { id: ID, action: { action: 'close', adminId: ADMIN_ID, from: 'team' } as never },
      { id: ID, action: 'close' as never },
    ]);
    report.outcomes.forEach((outcome) => outcome.ok || collect(outcome.error));

    expect(report.outcomes.map((outcome) => [outcome.index, outcome.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, false],
      [4, false],
      [5, false],
      [6, false],
    ]);
    expect(report).toMatchObject({ succeeded: 2, failed: 5 });
    const fields = report.outcomes.map((outcome) => {
      if (outcome.ok) return undefined;
      expect(outcome.error).toBeInstanceOf(ValidationError);
      return (outcome.error as ValidationError).field;
    });
    expect(fields).toEqual([
      undefined,
      'items[1].action.until',
      undefined,
      'items[3].id',
      'items[4].action.assignee.id',
      'items[5].action.from',
      'items[6].action',
    ]);
    const until = report.outcomes[1]!;
    expect(until.ok).toBe(false);
    if (!until.ok) {
      expect(until.error.message).toMatch(
        /^items\[1\]\.action\.until is .*not in the future; expected /,
      );
    }

    expect(fake.requests.map((request) => request.path).sort()).toEqual(
      [`/conversations/${ID}/parts`, `/conversations/${other.id}/parts`].sort(),
    );
    expect(fake.conversations.get(ID)?.state).toBe('closed');
    expect(fake.conversations.get(other.id)?.state).toBe('open');
  });

  it('an item that is not an object is named items[<index>]', async () => {
    const report = await conversations.manageMany([
      { id: ID, action: { action: 'open', adminId: ADMIN_ID } },
      null as never,
    ]);
    const outcome = report.outcomes[1]!;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    collect(outcome.error);
    expect(outcome.error).toBeInstanceOf(ValidationError);
    expect((outcome.error as ValidationError).field).toBe('items[1]');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('a plain-JavaScript caller gets what the types promise', () => {
  // The calls the types reject (see types.test-d.ts), made anyway.
  it.each<[string, Call, string]>([
    [
      'open with a message',
      manage({ action: 'open', adminId: ADMIN_ID, message: 'x' }),
      'action.message',
    ],
    ['close with until', close(ID, { adminId: ADMIN_ID, until: 1 }), 'options.until'],
    ['snooze with a message', snooze({ until: IN_AN_HOUR, message: 'x' }), 'options.message'],
    ['close without adminId', close(ID, {}), 'options.adminId'],
    ['snooze without until', snooze({}), 'options.until'],
    ['assign without assignee', assign({}), 'options.assignee'],
    ['unassign without from', unassign({}), 'options.from'],
    [
      'manage() of a snooze without until',
      manage({ action: 'snooze', adminId: ADMIN_ID }),
      'action.until',
    ],
    ['close with a boolean id', close(true, { adminId: ADMIN_ID }), 'id'],
  ])('%s', async (_name, call, field) => {
    await expectRefused(call(conversations), field);
  });

  it('gets the same error from a call with a bad value the types allow', async () => {
    const typed = (await rejectionOf(
      conversations.snooze(ID, { adminId: ADMIN_ID, until: new Date(NOW_MS - 1000) }),
    )) as ValidationError;
    const plain = (await rejectionOf(
      js(conversations)['snooze']!(ID, { adminId: ADMIN_ID, until: new Date(NOW_MS - 1000) }),
    )) as ValidationError;
    expect(plain).toBeInstanceOf(ValidationError);
    expect(plain.toJSON()).toEqual(typed.toJSON());
    expect(fake.requests).toHaveLength(0);
  });

  it('is told that a missing field is missing, in words', async () => {
    const error = await expectRefused(close(ID, {})(conversations), 'options.adminId');
    expect(error.message).not.toContain('a undefined');
  });

  it('a signal that is not an AbortSignal is refused as a ValidationError', async () => {
    await expectRefused(
      close(ID, { adminId: ADMIN_ID, signal: 'abort' })(conversations),
      'options.signal',
    );
  });
});
