import type { FakeIntercomOptions } from '@conversation-kit/testing';
import type { ActionLine } from '../input/input-line.js';

const DIGITS = /^\d+$/;

/**
 * What the rehearsal's fake must know for the lines to succeed, as Intercom would for a real
 * run: every conversation (open), every admin acting or assigned, every team assigned. Ids that
 * are not digits are left out, so those lines fail as they would against Intercom.
 *
 * @example
 * fakeSeeds([{ line: 2, id: '123', action: { action: 'close', adminId: '991267' } }]);
 * // { admins: ['991267'], teams: [], conversations: [{ id: '123' }] }
 */
export function fakeSeeds(
  lines: readonly ActionLine[],
): Required<Pick<FakeIntercomOptions, 'admins' | 'teams' | 'conversations'>> {
  const admins = new Set<string>();
  const teams = new Set<string>();
  const conversations = new Set<string>();
  for (const { id, action } of lines) {
    conversations.add(String(id));
    admins.add(String(action.adminId));
    if (action.action === 'assign') {
      (action.assignee.type === 'admin' ? admins : teams).add(String(action.assignee.id));
    }
  }
  const digits = (ids: Set<string>): string[] => [...ids].filter((id) => DIGITS.test(id));
  return {
    admins: digits(admins),
    teams: digits(teams),
    conversations: digits(conversations).map((id) => ({ id })),
  };
}
