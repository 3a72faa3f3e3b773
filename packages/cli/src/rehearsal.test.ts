import { describe, expect, it } from 'vitest';
import { csvFile } from './test-support/input-files.js';
import { jsonReport } from './test-support/report-files.js';
import { ADMIN, OTHER_ADMIN, TEAM, workspace } from './test-support/workspace.js';

// --fake rehearses a whole run against a fake of Intercom started inside the command, seeded with
// the file's conversations, admins and teams: no token needed, nothing reaches Intercom.

describe('a rehearsal with --fake', () => {
  it('runs every line against the embedded fake, with its own journal, and resumes from it', async () => {
    const ws = await workspace();
    const file = await ws.write(
      'a.csv',
      csvFile([
        { id: '101', action: 'assign', adminId: ADMIN, assigneeType: 'team', assigneeId: TEAM },
        {
          id: '102',
          action: 'assign',
          adminId: ADMIN,
          assigneeType: 'admin',
          assigneeId: OTHER_ADMIN,
          message: 'Yours now.',
        },
        { id: '103', action: 'close', adminId: ADMIN, message: 'Closing.' },
        { id: '104', action: 'snooze', adminId: ADMIN, until: '2031-01-02T09:00:00+01:00' },
        { id: '105', action: 'unassign', adminId: ADMIN, from: 'admin' },
        { id: '106', action: 'open', adminId: ADMIN },
        { id: 'not-an-id', action: 'open', adminId: ADMIN },
      ]),
    );
    const env = { PATH: ws.env['PATH'] };
    const result = await ws.run(['run', file, '--fake', '--report', ws.path('r.json')], env);

    expect(result.stderr).toMatch(
      /^conversation-kit: sending 7 of 7 lines of .* to a local fake of Intercom at http:\/\/127\.0\.0\.1:\d+\n/,
    );
    expect(result.stdout).toMatch(/: 6 done, 1 failed\.$/m);
    expect(result.code).toBe(1);
    const report = jsonReport(ws.path('r.json'));
    expect(report.target).toBe('fake');
    expect(report.lines.map((line) => [line.status, line.state])).toEqual([
      ['done', 'open'],
      ['done', 'open'],
      ['done', 'closed'],
      ['done', 'snoozed'],
      ['done', 'open'],
      ['done', 'open'],
      ['failed', null],
    ]);
    expect(report.lines[3]?.snoozedUntil).toBe(Date.parse('2031-01-02T08:00:00Z') / 1000);
    expect(ws.fake.requests).toEqual([]);

    const again = await ws.run(['run', file, '--fake'], env);
    expect(again.stdout).toMatch(/: 6 done earlier, 1 failed\.$/m);
  });
});
