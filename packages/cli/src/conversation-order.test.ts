import { describe, expect, it } from 'vitest';
import { requestsFor } from './test-support/fake-assertions.js';
import { csvFile } from './test-support/input-files.js';
import { ADMIN, OTHER_ADMIN, TEAM, workspace } from './test-support/workspace.js';

// Lines about one conversation run in the file's order, whatever the concurrency: "assign it,
// then close it" never becomes "close it, then assign it".

describe('several lines about one conversation', () => {
  it('run in the order of the file, while other conversations run alongside', async () => {
    const ws = await workspace({
      conversations: Array.from({ length: 30 }, (_, i) => ({ id: String(i + 1) })),
    });
    const others = Array.from({ length: 29 }, (_, i) => ({
      id: String(i + 2),
      action: 'close',
      adminId: ADMIN,
    }));
    const file = await ws.write(
      'a.csv',
      csvFile([
        {
          id: '1',
          action: 'assign',
          adminId: ADMIN,
          assigneeType: 'admin',
          assigneeId: OTHER_ADMIN,
        },
        ...others.slice(0, 10),
        {
          id: '1',
          action: 'assign',
          adminId: ADMIN,
          assigneeType: 'team',
          assigneeId: TEAM,
          message: 'To billing.',
        },
        ...others.slice(10, 20),
        { id: '1', action: 'close', adminId: ADMIN, message: 'Closing.' },
        ...others.slice(20),
        { id: '1', action: 'unassign', adminId: ADMIN, from: 'admin' },
      ]),
    );
    // The first line about conversation 1 is slow: the later ones must wait for it all the same.
    ws.fake.fault('next', { type: 'delay', ms: 500 });
    const result = await ws.run(['run', file, '--concurrency', '8', ...ws.target]);

    expect(result.code).toBe(0);
    expect(requestsFor(ws.fake, '1').map((request) => request.body)).toEqual([
      expect.objectContaining({
        message_type: 'assignment',
        type: 'admin',
        assignee_id: OTHER_ADMIN,
      }),
      expect.objectContaining({ message_type: 'assignment', type: 'team', assignee_id: TEAM }),
      expect.objectContaining({ message_type: 'close' }),
      expect.objectContaining({ message_type: 'assignment', type: 'admin', assignee_id: '0' }),
    ]);
    const conversation = ws.fake.conversations.get('1')!;
    // Unassigning is an assignment, and the fake reopens a closed conversation on one.
    expect(conversation).toMatchObject({
      state: 'open',
      admin_assignee_id: null,
      team_assignee_id: Number(TEAM),
    });
  });
});
