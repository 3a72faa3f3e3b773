import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonReport } from './test-support/report-files.js';
import { ADMIN, TEAM, workspace } from './test-support/workspace.js';

// Every line is validated before anything is sent. Each invalid line is reported with its line
// number (as an editor counts them), its field and what would be right; then nothing is sent and
// the command exits 2, unless --skip-invalid.

const future = Math.floor(Date.now() / 1000) + 30 * 86_400;

describe('invalid lines in JSON Lines', () => {
  const lines = [
    /* 1 */ JSON.stringify({ id: '1', action: 'close', adminId: ADMIN }),
    /* 2 */ '{"id": "2", "action": "close",',
    /* 3 */ '',
    /* 4 */ '["3", "close"]',
    /* 5 */ JSON.stringify({ id: '4', action: 'reopen', adminId: ADMIN }),
    /* 6 */ JSON.stringify({ id: '5', action: 'snooze', adminId: ADMIN, until: 1_700_000_000 }),
    /* 7 */ JSON.stringify({ id: '6', action: 'snooze', adminId: ADMIN, until: future * 1000 }),
    /* 8 */ JSON.stringify({ id: '7', action: 'snooze', adminId: ADMIN, until: 'tomorrow' }),
    /* 9 */ '   ',
    /* 10 */ JSON.stringify({ id: '8', action: 'open' }),
    /* 11 */ JSON.stringify({ action: 'open', adminId: ADMIN }),
    /* 12 */ JSON.stringify({
      id: '9',
      action: 'assign',
      adminId: ADMIN,
      assignee: { type: 'team', id: '0' },
    }),
    /* 13 */ JSON.stringify({ id: '10', action: 'close', adminId: ADMIN, until: future }),
    /* 14 */ JSON.stringify({ id: '11', action: 'close', adminId: ADMIN, message: '   ' }),
    /* 15 */ JSON.stringify({ id: '12', action: 'unassign', adminId: ADMIN, from: 'everyone' }),
    /* 16 */ JSON.stringify({
      id: '13',
      action: 'snooze',
      adminId: ADMIN,
      until: '2027-01-01T09:00',
    }),
    /* 17 */ JSON.stringify({
      id: '14',
      action: 'snooze',
      adminId: ADMIN,
      until: '2031-02-30T09:00:00Z',
    }),
    /* 18 */ JSON.stringify({ id: '15', action: 'open', adminId: ADMIN }),
  ];
  const expected = [
    /^ {2}line 2: is not valid JSON: .+; expected an object such as \{"id": "123"/,
    /^ {2}line 4: is an array; expected an object/,
    /^ {2}line 5: action is "reopen"; expected one of "close", "snooze", "open", "assign", "unassign"$/,
    /^ {2}line 6: until is 1700000000 s \(2023-11-14T22:13:20.000Z\), not in the future; expected a moment after now$/,
    /^ {2}line 7: until is \d+, which looks like milliseconds; expected Unix seconds, such as \d+, or a Date$/,
    /^ {2}line 8: until is "tomorrow"; expected Unix seconds, or an ISO 8601 date-time with its time zone/,
    /^ {2}line 10: adminId is missing; expected /,
    /^ {2}line 11: id is missing; expected /,
    /^ {2}line 12: assignee.id is "0"; expected a real id; use unassign\(\) to remove an assignee$/,
    /^ {2}line 13: until belongs to snooze, not close; expected only action, adminId, message$/,
    /^ {2}line 14: message is blank; expected some text, or no message at all$/,
    /^ {2}line 15: from is "everyone"; expected "admin" or "team"$/,
    /^ {2}line 16: until is "2027-01-01T09:00"; expected Unix seconds, or an ISO 8601 date-time/,
    /^ {2}line 17: until is "2031-02-30T09:00:00Z"; expected /,
  ];

  it('are each reported with line number, field and reason, and nothing is sent (exit 2)', async () => {
    const ws = await workspace();
    const file = await ws.write('actions.jsonl', `${lines.join('\n')}\n`);
    const result = await ws.run(['run', file, '--report', ws.path('report.json'), ...ws.target]);

    expect(result.code).toBe(2);
    const reported = result.stderr.split('\n');
    expect(reported[0]).toBe(
      `conversation-kit: ${file} has 14 invalid lines, so nothing was sent:`,
    );
    expected.forEach((pattern, index) => expect(reported[index + 1]).toMatch(pattern));
    expect(reported[15]).toBe(
      'Fix them and run again, or pass --skip-invalid to send the other 2.',
    );
    expect(ws.fake.requests).toEqual([]);
    expect(existsSync(`${file}.journal`)).toBe(false);

    const report = jsonReport(ws.path('report.json'));
    expect(report.exitCode).toBe(2);
    expect(report.lines.map((line) => [line.line, line.status])).toEqual([
      [1, 'not-started'],
      ...[2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17].map((line) => [line, 'invalid']),
      [18, 'not-started'],
    ]);
  });

  it('with --skip-invalid, the valid lines are sent, the invalid reported, and the exit code is 1', async () => {
    const ws = await workspace({ conversations: [{ id: '1' }, { id: '15', state: 'closed' }] });
    const file = await ws.write('actions.jsonl', lines.join('\r\n'));
    const result = await ws.run([
      'run',
      file,
      '--skip-invalid',
      '--report',
      ws.path('r.json'),
      ...ws.target,
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`skipping 14 invalid lines of ${file} (--skip-invalid):`);
    expect(result.stderr).toMatch(/^ {2}line 17: until is "2031-02-30T09:00:00Z"/m);
    expect(result.stdout).toContain('2 done, 14 invalid (skipped)');
    expect(ws.fake.requests.map((request) => request.path).sort()).toEqual([
      '/conversations/1/parts',
      '/conversations/15/parts',
    ]);
    expect(ws.fake.conversations.get('1')?.state).toBe('closed');
    expect(ws.fake.conversations.get('15')?.state).toBe('open');
    const statuses = jsonReport(ws.path('r.json')).lines.map((line) => line.status);
    expect(statuses.filter((status) => status === 'invalid')).toHaveLength(14);
    expect(statuses.filter((status) => status === 'done')).toHaveLength(2);
  });
});

describe('invalid lines in CSV', () => {
  it('count physical lines: a quoted field spanning lines, blank lines, a BOM and CRLF', async () => {
    const ws = await workspace();
    const csv = [
      /* 1 */ '\uFEFFid,action,adminId,until,assigneeType,assigneeId,from,message',
      /* 2 */ `1,close,${ADMIN},,,,,"Thanks, ""all"" — closing.`,
      /* 3 */ 'A second line of the message."',
      /* 4 */ '',
      /* 5 */ `2,close,${ADMIN},${future},,,,`,
      /* 6 */ `3,assign,${ADMIN},,team,,,`,
      /* 7 */ `4,assign,${ADMIN},,,${TEAM},,`,
      /* 8 */ `5,assign,${ADMIN},,group,${TEAM},,`,
      /* 9 */ `6,snooze,${ADMIN},next week,,,,`,
      /* 10 */ ',,,,,,,',
      /* 11 */ `7,close,${ADMIN},,,,,,extra`,
      /* 12 */ `,open,${ADMIN},,,,,`,
      /* 13 */ `8,unassign,${ADMIN},,,,,`,
      /* 14 */ `9 ,open,${ADMIN}`,
    ].join('\r\n');
    const result = await ws.run(['run', await ws.write('a.csv', csv), ...ws.target]);

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(1, 9)).toEqual([
      '  line 5: until belongs to snooze, not close; expected only action, adminId, message',
      '  line 6: assigneeId is missing; expected an id, as a string or a whole number',
      '  line 7: assigneeType is missing; expected "admin" or "team"',
      '  line 8: assigneeType is "group"; expected "admin" or "team"',
      '  line 9: until is "next week"; expected Unix seconds, or an ISO 8601 date-time with its time zone, such as 2027-01-02T09:00:00Z',
      '  line 11: has 9 fields, but the header has 8 columns; expected one field per column; quote a field that holds the delimiter',
      '  line 12: id is missing; expected an id, as a string or a whole number',
      '  line 13: from is missing; expected "admin" or "team"',
    ]);
    // Line 14's id is trimmed, as a spreadsheet's stray space is no part of an id.
    expect(result.stderr).not.toContain('line 14');
    expect(ws.fake.requests).toEqual([]);
  });

  it.each([
    [
      'an unknown column',
      'id,action,admin,note\n1,close,1,x\n',
      /a.csv line 1: the column "admin" is not one of id, action, adminId/,
    ],
    [
      'a column twice',
      'id,action,adminId,Admin ID\n1,close,1,1\n',
      /a.csv line 1: the column adminId appears twice/,
    ],
    ['no id column', 'action,adminId\nclose,1\n', /a.csv line 1: the header has no id column/],
    [
      'a stray quote',
      `id,action,adminId,message\n1,close,1,ok\n2,close,1,"Closed" now\n`,
      /a.csv line 3: a quoted field goes on after its closing quote/,
    ],
    [
      'an unclosed quote',
      `id,action,adminId,message\n1,close,1,"never closed\n2,close,1,x\n`,
      /a.csv line \d+: a quoted field is never closed/,
    ],
  ])('stop the run before it starts: %s', async (_, csv, message) => {
    const ws = await workspace({ conversations: [{ id: '1' }, { id: '2' }] });
    const result = await ws.run([
      'run',
      await ws.write('a.csv', csv),
      '--skip-invalid',
      ...ws.target,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(ws.fake.requests).toEqual([]);
  });

  it('reads headers as spreadsheets write them, semicolons, and messages as written', async () => {
    const ws = await workspace({ conversations: [{ id: '1' }, { id: '2' }] });
    const csv = `ID;Action;Admin ID;Assignee type;assignee_id;Message\r\n1;assign;${ADMIN};team;${TEAM};" Over to billing;\nthey will reply. "\r\n2;close;${ADMIN};;;\r\n`;
    const result = await ws.run([
      'run',
      await ws.write('a.csv', csv),
      '--no-journal',
      ...ws.target,
    ]);
    expect(result.code).toBe(0);
    expect(ws.fake.conversations.get('1')?.team_assignee_id).toBe(Number(TEAM));
    expect(ws.fake.requests[0]?.body).toMatchObject({
      body: ' Over to billing;\nthey will reply. ',
    });
    expect(ws.fake.conversations.get('2')?.state).toBe('closed');
  });
});
