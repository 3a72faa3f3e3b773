import { describe, expect, it } from 'vitest';
import { csvFile } from './test-support/input-files.js';
import { csvReport, jsonReport } from './test-support/report-files.js';
import { ADMIN, TEAM, workspace } from './test-support/workspace.js';

// --report writes one outcome per line of the input, as JSON or CSV: the status, the error's
// class and code, whether it may have been applied, and the state the conversation was left in.
// The exit code is 0 when every line succeeded and 1 when some did not.

const input = csvFile([
  /* 2 */ { id: '1', action: 'close', adminId: ADMIN },
  /* 3 */ { id: '404', action: 'close', adminId: ADMIN },
  /* 4 */ { id: '3', action: 'assign', adminId: ADMIN, assigneeType: 'team', assigneeId: '999' },
  /* 5 */ { id: '4', action: 'close', adminId: ADMIN, message: 'Closing now.' },
  /* 6 */ { id: '5', action: 'assign', adminId: ADMIN, assigneeType: 'team', assigneeId: TEAM },
  /* 7 */ {
    id: '6',
    action: 'snooze',
    adminId: ADMIN,
    until: Math.floor(Date.now() / 1000) + 86_400,
  },
]);

async function failingRun(report: string) {
  const ws = await workspace({ conversations: ['1', '3', '4', '5', '6'].map((id) => ({ id })) });
  // Conversation 4's close (it posts a message) meets a 500: maybe applied, and not retried.
  ws.fake.fault((request) => request.path === '/conversations/4/parts', {
    type: 'status',
    status: 500,
    body: 'oops',
  });
  const file = await ws.write('a.csv', input);
  const result = await ws.run(['run', file, '--report', ws.path(report), ...ws.target]);
  return { ws, file, result };
}

describe('the report', () => {
  it('as JSON: the run, then one outcome per line', async () => {
    const { ws, file, result } = await failingRun('report.json');
    expect(result.code).toBe(1);
    const report = jsonReport(ws.path('report.json'));
    expect(report).toMatchObject({
      input: file,
      target: ws.fake.url,
      dryRun: false,
      interrupted: false,
      exitCode: 1,
    });
    expect(report.lines).toEqual([
      expect.objectContaining({
        line: 2,
        id: '1',
        action: 'close',
        status: 'done',
        error: null,
        mayHaveBeenApplied: true,
        state: 'closed',
      }),
      expect.objectContaining({
        line: 3,
        id: '404',
        status: 'failed',
        error: 'NotFoundError',
        code: 'not_found',
        httpStatus: 404,
        mayHaveBeenApplied: false,
        state: null,
      }),
      expect.objectContaining({
        line: 4,
        status: 'failed',
        error: 'NotFoundError',
        code: 'team_not_found',
        httpStatus: 404,
        mayHaveBeenApplied: false,
      }),
      expect.objectContaining({
        line: 5,
        status: 'may-have-been-applied',
        error: 'ServerError',
        httpStatus: 500,
        mayHaveBeenApplied: true,
      }),
      expect.objectContaining({
        line: 6,
        status: 'done',
        state: 'open',
        teamAssigneeId: Number(TEAM),
        adminAssigneeId: null,
      }),
      expect.objectContaining({
        line: 7,
        status: 'done',
        state: 'snoozed',
        snoozedUntil: expect.any(Number),
      }),
    ]);
    expect(report.lines[1]?.errorMessage).toMatch(/^Intercom answered 404: not_found/);

    expect(result.stdout).toMatch(/: 3 done, 2 failed, 1 may have been applied\.$/m);
    expect(result.stdout).toContain(
      'Lines that failed:\n  line 3 (close 404): NotFoundError not_found: Intercom answered 404',
    );
    expect(result.stdout).toContain('  line 4 (assign 3): NotFoundError team_not_found:');
    expect(result.stdout).toContain(
      'Line that may have been applied:\n  line 5 (close 4): ServerError: Intercom answered 500',
    );
    expect(result.stdout).toContain(`Report: ${ws.path('report.json')}`);
  });

  it('as CSV: a header and one row per line, empty cells for nothing', async () => {
    const { ws, result } = await failingRun('report.csv');
    expect(result.code).toBe(1);
    const rows = csvReport(ws.path('report.csv'));
    expect(Object.keys(rows[0]!)).toEqual([
      'line',
      'id',
      'action',
      'status',
      'error',
      'code',
      'httpStatus',
      'mayHaveBeenApplied',
      'state',
      'adminAssigneeId',
      'teamAssigneeId',
      'snoozedUntil',
      'errorMessage',
    ]);
    expect(
      rows.map((row) => [
        row['line'],
        row['status'],
        row['error'],
        row['code'],
        row['mayHaveBeenApplied'],
        row['state'],
      ]),
    ).toEqual([
      ['2', 'done', '', '', 'true', 'closed'],
      ['3', 'failed', 'NotFoundError', 'not_found', 'false', ''],
      ['4', 'failed', 'NotFoundError', 'team_not_found', 'false', ''],
      ['5', 'may-have-been-applied', 'ServerError', '', 'true', ''],
      ['6', 'done', '', '', 'true', 'open'],
      ['7', 'done', '', '', 'true', 'snoozed'],
    ]);
  });

  it('exit 0 and every line done when all succeed', async () => {
    const ws = await workspace({ conversations: [{ id: '1' }, { id: '2' }] });
    const file = await ws.write(
      'a.csv',
      csvFile([
        { id: '1', action: 'close', adminId: ADMIN },
        { id: '2', action: 'open', adminId: ADMIN },
      ]),
    );
    const result = await ws.run(['run', file, '--report', ws.path('r.csv'), ...ws.target]);
    expect(result.code).toBe(0);
    expect(csvReport(ws.path('r.csv')).map((row) => row['status'])).toEqual(['done', 'done']);
  });

  it('lists the first ten failures of a kind and counts the rest', async () => {
    const ws = await workspace();
    const file = await ws.write(
      'a.csv',
      csvFile(
        Array.from({ length: 14 }, (_, i) => ({
          id: String(i + 1),
          action: 'open',
          adminId: ADMIN,
        })),
      ),
    );
    const result = await ws.run(['run', file, '--no-journal', ...ws.target]);
    expect(result.code).toBe(1);
    expect(
      result.stdout.match(/^ {2}line \d+ \(open \d+\): NotFoundError not_found/gm),
    ).toHaveLength(10);
    expect(result.stdout).toContain('  … and 4 more; --report lists them all');
  });
});
