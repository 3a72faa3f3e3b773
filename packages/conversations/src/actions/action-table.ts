import type { ManageConversationRequest } from '@conversation-kit/types';
import type { ConversationAction } from '../conversation-action.js';
import { ValidationError } from '../errors/validation-error.js';
import { checkedId } from '../id-validation.js';
import { describeValue } from '../validation/describe-value.js';
import { ownFields } from '../validation/own-fields.js';

/** What a 200 must show for an action to have done what it says. */
export interface ResultExpectation {
  state?: 'open' | 'closed' | 'snoozed';
  assignee?: { field: 'admin_assignee_id' | 'team_assignee_id'; value: number | null };
}

/** One action, defined once: its fields, its request body, and what its result promises. */
export interface ActionSpec<A extends ConversationAction> {
  /** Every field the action takes besides `action`, in the order the docs list them. */
  readonly fields: readonly Exclude<keyof A & string, 'action'>[];
  /** The fields that may be left out. */
  readonly optional: readonly Exclude<keyof A & string, 'action'>[];
  /** The field that holds a message, which a repeat would post twice. */
  readonly messageField?: 'message';
  /**
   * Checks the fields (read once, by the caller) and builds the request body and what its answer
   * must show. `field` names a field under the caller's path.
   */
  build(
    read: (name: Exclude<keyof A & string, 'action'>) => unknown,
    field: (name: string) => string,
    adminId: string,
    nowMs: number,
  ): BuiltRequest;
}

/**
 * A request body and what its answer must show. Each builder declares it as its return type, so
 * that a body missing a field the API requires is reported at that body.
 *
 * @example
 * const built: BuiltRequest = { body: { message_type: 'open', admin_id: '1' }, expectation: { state: 'open' } };
 */
export interface BuiltRequest {
  body: ManageConversationRequest;
  expectation: ResultExpectation;
}

type ActionTable = {
  readonly [K in ConversationAction['action']]: ActionSpec<
    Extract<ConversationAction, { action: K }>
  >;
};

// Unix seconds stay below this until the year 5138; a number above it is milliseconds.
const LARGEST_PLAUSIBLE_SECONDS = 1e11;

/**
 * Every action `manage()` takes. Validation, the shorthand methods and the docs all derive from
 * this table; each entry is checked against the action's type, so the two cannot drift apart.
 * Assign and unassign promise no state: Intercom reopens a closed conversation and wakes a
 * snoozed one when it is assigned or unassigned.
 *
 * @example
 * actionTable.close.fields; // ['adminId', 'message']
 */
export const actionTable: ActionTable = {
  close: {
    fields: ['adminId', 'message'],
    optional: ['message'],
    messageField: 'message',
    build: (read, field, adminId): BuiltRequest => {
      const message = checkedMessage(read('message'), field('message'));
      return {
        body: {
          message_type: 'close',
          type: 'admin',
          admin_id: adminId,
          ...(message === undefined ? {} : { body: message }),
        },
        expectation: { state: 'closed' },
      };
    },
  },
  snooze: {
    fields: ['adminId', 'until'],
    optional: [],
    build: (read, field, adminId, nowMs): BuiltRequest => ({
      body: {
        message_type: 'snoozed',
        admin_id: adminId,
        snoozed_until: checkedUntil(read('until'), field('until'), nowMs),
      },
      expectation: { state: 'snoozed' },
    }),
  },
  open: {
    fields: ['adminId'],
    optional: [],
    build: (_read, _field, adminId): BuiltRequest => ({
      body: { message_type: 'open', admin_id: adminId },
      expectation: { state: 'open' },
    }),
  },
  assign: {
    fields: ['adminId', 'assignee', 'message'],
    optional: ['message'],
    messageField: 'message',
    build: (read, field, adminId): BuiltRequest => {
      const assignee = checkedAssignee(read('assignee'), field('assignee'));
      const message = checkedMessage(read('message'), field('message'));
      return {
        body: {
          message_type: 'assignment',
          type: assignee.type,
          admin_id: adminId,
          assignee_id: assignee.id,
          ...(message === undefined ? {} : { body: message }),
        },
        expectation: {
          assignee: { field: `${assignee.type}_assignee_id`, value: Number(assignee.id) },
        },
      };
    },
  },
  unassign: {
    fields: ['adminId', 'from'],
    optional: [],
    build: (read, field, adminId): BuiltRequest => {
      const from = read('from');
      if (from !== 'admin' && from !== 'team') {
        throw new ValidationError(field('from'), `is ${quotedChoice(from)}`, '"admin" or "team"');
      }
      return {
        // Intercom unassigns with assignee_id "0".
        body: { message_type: 'assignment', type: from, admin_id: adminId, assignee_id: '0' },
        expectation: { assignee: { field: `${from}_assignee_id`, value: null } },
      };
    },
  },
};

/** A value given for a field with a few fixed choices: short choices are quoted, others described. */
export function quotedChoice(value: unknown): string {
  return typeof value === 'string' && /^[a-z_]{1,16}$/.test(value)
    ? `"${value}"`
    : describeValue(value);
}

function checkedMessage(message: unknown, field: string): string | undefined {
  if (message === undefined) return undefined;
  if (typeof message !== 'string') {
    throw new ValidationError(
      field,
      `is ${describeValue(message)}`,
      'a string, or no message at all',
    );
  }
  if (message.trim() === '')
    throw new ValidationError(field, 'is blank', 'some text, or no message at all');
  return message;
}

function checkedUntil(until: unknown, field: string, nowMs: number): number {
  let seconds: number;
  if (until instanceof Date) {
    const time = until.getTime();
    if (Number.isNaN(time))
      throw new ValidationError(field, 'is an invalid Date', 'a valid Date in the future');
    seconds = Math.ceil(time / 1000);
  } else if (typeof until === 'number') {
    if (!Number.isSafeInteger(until)) {
      throw new ValidationError(field, `is ${until}`, 'whole Unix seconds, or a Date');
    }
    if (until > LARGEST_PLAUSIBLE_SECONDS) {
      throw new ValidationError(
        field,
        `is ${until}, which looks like milliseconds`,
        `Unix seconds, such as ${Math.floor(until / 1000)}, or a Date`,
      );
    }
    seconds = until;
  } else {
    throw new ValidationError(field, `is ${describeValue(until)}`, 'a Date, or Unix seconds');
  }
  if (seconds * 1000 <= nowMs) {
    const when = Math.abs(seconds) < 8.64e12 ? ` (${new Date(seconds * 1000).toISOString()})` : '';
    throw new ValidationError(
      field,
      `is ${seconds} s${when}, not in the future`,
      'a moment after now',
    );
  }
  return seconds;
}

function checkedAssignee(assignee: unknown, field: string): { type: 'admin' | 'team'; id: string } {
  const fields = ownFields(assignee, field, '{ type: "admin" | "team", id }');
  for (const key of fields.keys()) {
    if (key !== 'type' && key !== 'id') {
      throw new ValidationError(
        `${field}.${key}`,
        'is not a field of assignee',
        'only type and id',
      );
    }
  }
  const type = fields.get('type');
  if (type !== 'admin' && type !== 'team') {
    throw new ValidationError(`${field}.type`, `is ${quotedChoice(type)}`, '"admin" or "team"');
  }
  const checked = checkedId(fields.get('id'), `${field}.id`);
  if (!/^[1-9]\d*$/.test(checked) || !Number.isSafeInteger(Number(checked))) {
    throw new ValidationError(
      `${field}.id`,
      checked === '0' ? 'is "0"' : `is ${describeValue(checked)}, not the digits of an id`,
      checked === '0'
        ? 'a real id; use unassign() to remove an assignee'
        : 'the digits of an admin or team id',
    );
  }
  return { type, id: checked };
}
