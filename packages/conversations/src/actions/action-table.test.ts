import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { actionRequest } from '../action-request.js';
import { ValidationError } from '../errors/validation-error.js';
import { actionTable } from './action-table.js';

const README = new URL('../../README.md', import.meta.url);
const kinds = Object.keys(actionTable) as (keyof typeof actionTable)[];

describe('the action table is what validation and the docs follow', () => {
  test.each(kinds)(
    '%s: the README heading lists its fields, in order, optional ones marked',
    async (kind) => {
      const { fields, optional } = actionTable[kind];
      const readme = await readFile(README, 'utf8');
      const listed = fields.map((name) =>
        (optional as readonly string[]).includes(name) ? `${name}\\?` : `${name}(?!\\?)`,
      );
      // Between two names: anything but a comma, or a nested { … } such as assignee's.
      const rest = '(?:[^,{]|\\{[^}]*\\})*, ';
      expect(readme).toMatch(
        new RegExp(`### \`${kind}\\(id, \\{ ${listed.join(rest)}${rest}signal\\? \\}\\)\``),
      );
    },
  );

  test.each(kinds)(
    '%s: a field of no action is refused, naming the fields the table lists',
    (kind) => {
      let error: unknown;
      try {
        actionRequest({ action: kind, adminId: '1', extra: true }, 'action', 0);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        field: 'action.extra',
        expected: `only action, ${actionTable[kind].fields.join(', ')}`,
      });
    },
  );

  test('only close and assign can post a message, and only with one', () => {
    const posting = kinds.filter((kind) => actionTable[kind].messageField !== undefined);
    expect(posting).toEqual(['close', 'assign']);
    expect(actionRequest({ action: 'close', adminId: '1' }, 'action', 0).postsMessage).toBe(false);
    expect(
      actionRequest({ action: 'close', adminId: '1', message: 'Hi' }, 'action', 0).postsMessage,
    ).toBe(true);
  });

  test('assign and unassign promise no state: Intercom reopens and wakes a conversation on both', () => {
    const assign = actionRequest(
      { action: 'assign', adminId: '1', assignee: { type: 'team', id: 2 } },
      'action',
      0,
    );
    const unassign = actionRequest({ action: 'unassign', adminId: '1', from: 'team' }, 'action', 0);
    expect(assign.expectation).toEqual({ assignee: { field: 'team_assignee_id', value: 2 } });
    expect(unassign.expectation).toEqual({ assignee: { field: 'team_assignee_id', value: null } });
  });
});
