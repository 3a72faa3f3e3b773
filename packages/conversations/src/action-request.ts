import type { ManageConversationRequest } from '@conversation-kit/types';
import { ValidationError } from './errors/validation-error.js';
import { checkedId, describeValue } from './id-validation.js';

/** A validated action, ready to send. */
export interface ActionRequest {
  action: string;
  body: ManageConversationRequest;
  /** Whether it leaves a message, which a repeat would post twice. */
  postsMessage: boolean;
  /** What a 200 must show for the action to have done what it says. */
  expectation: ResultExpectation;
}

/** What the answer to an action must say. */
export interface ResultExpectation {
  state?: 'open' | 'closed' | 'snoozed';
  assignee?: { field: 'admin_assignee_id' | 'team_assignee_id'; value: number | null };
}

const FIELDS: Record<string, readonly string[]> = {
  close: ['action', 'adminId', 'message'],
  snooze: ['action', 'adminId', 'until'],
  open: ['action', 'adminId'],
  assign: ['action', 'adminId', 'assignee', 'message'],
  unassign: ['action', 'adminId', 'from'],
};

// Unix seconds stay below this until the year 5138; a number above it is milliseconds.
const LARGEST_PLAUSIBLE_SECONDS = 1e11;

/**
 * Validates an action from any caller, TypeScript or not, and turns it into the API's request
 * body. Throws `ValidationError` naming the field (under `path`) before anything is sent.
 *
 * @example
 * actionRequest({ action: 'snooze', adminId: 1, until: new Date(Date.now() + 3_600_000) }, 'action', Date.now());
 * // { body: { message_type: 'snoozed', admin_id: '1', snoozed_until: … }, … }
 */
export function actionRequest(action: unknown, path: string, nowMs: number): ActionRequest {
  if (typeof action !== 'object' || action === null || Array.isArray(action)) {
    throw new ValidationError(
      path,
      `is ${describeValue(action)}`,
      'an object such as { action: "close", adminId }',
    );
  }
  const fields = action as Record<string, unknown>;
  const kind = fields['action'];
  const allowed = typeof kind === 'string' ? FIELDS[kind] : undefined;
  if (!allowed || !Object.hasOwn(FIELDS, kind as string)) {
    throw new ValidationError(
      `${path}.action`,
      `is ${typeof kind === 'string' ? `"${kind}"` : describeValue(kind)}`,
      `one of ${Object.keys(FIELDS)
        .map((name) => `"${name}"`)
        .join(', ')}`,
    );
  }
  for (const key of Object.keys(fields)) {
    if (allowed.includes(key)) continue;
    const owner = Object.keys(FIELDS).find((name) => FIELDS[name]!.includes(key));
    const problem = owner
      ? `belongs to ${owner}, not ${kind as string}`
      : `is not a field of ${kind as string}`;
    throw new ValidationError(`${path}.${key}`, problem, `only ${allowed.join(', ')}`);
  }
  const adminId = checkedId(fields['adminId'], `${path}.adminId`);

  switch (kind) {
    case 'close': {
      const message = checkedMessage(fields['message'], `${path}.message`);
      return {
        action: kind,
        body: {
          message_type: 'close',
          type: 'admin',
          admin_id: adminId,
          ...(message === undefined ? {} : { body: message }),
        },
        postsMessage: message !== undefined,
        expectation: { state: 'closed' },
      };
    }
    case 'snooze':
      return {
        action: kind,
        body: {
          message_type: 'snoozed',
          admin_id: adminId,
          snoozed_until: checkedUntil(fields['until'], `${path}.until`, nowMs),
        },
        postsMessage: false,
        expectation: { state: 'snoozed' },
      };
    case 'open':
      return {
        action: kind,
        body: { message_type: 'open', admin_id: adminId },
        postsMessage: false,
        expectation: { state: 'open' },
      };
    case 'assign': {
      const assignee = checkedAssignee(fields['assignee'], `${path}.assignee`);
      const message = checkedMessage(fields['message'], `${path}.message`);
      return {
        action: kind,
        body: {
          message_type: 'assignment',
          type: assignee.type,
          admin_id: adminId,
          assignee_id: assignee.id,
          ...(message === undefined ? {} : { body: message }),
        },
        postsMessage: message !== undefined,
        expectation: {
          assignee: { field: `${assignee.type}_assignee_id`, value: Number(assignee.id) },
        },
      };
    }
    default: {
      const from = fields['from'];
      if (from !== 'admin' && from !== 'team') {
        throw new ValidationError(
          `${path}.from`,
          `is ${typeof from === 'string' ? `"${from}"` : describeValue(from)}`,
          '"admin" or "team"',
        );
      }
      return {
        action: 'unassign',
        // Intercom unassigns with assignee_id "0".
        body: { message_type: 'assignment', type: from, admin_id: adminId, assignee_id: '0' },
        postsMessage: false,
        expectation: { assignee: { field: `${from}_assignee_id`, value: null } },
      };
    }
  }
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
  if (typeof assignee !== 'object' || assignee === null || Array.isArray(assignee)) {
    throw new ValidationError(
      field,
      `is ${describeValue(assignee)}`,
      '{ type: "admin" | "team", id }',
    );
  }
  const { type, id, ...rest } = assignee as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined)
    throw new ValidationError(
      `${field}.${extra}`,
      'is not a field of assignee',
      'only type and id',
    );
  if (type !== 'admin' && type !== 'team') {
    throw new ValidationError(
      `${field}.type`,
      `is ${typeof type === 'string' ? `"${type}"` : describeValue(type)}`,
      '"admin" or "team"',
    );
  }
  const checked = checkedId(id, `${field}.id`);
  if (!/^[1-9]\d*$/.test(checked) || !Number.isSafeInteger(Number(checked))) {
    throw new ValidationError(
      `${field}.id`,
      `is "${checked}"`,
      checked === '0'
        ? 'a real id; use unassign() to remove an assignee'
        : 'the digits of an admin or team id',
    );
  }
  return { type, id: checked };
}
