import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { waitFor } from './test-support/cli-process.js';
import { csvFile, jsonLinesFile } from './test-support/input-files.js';
import { csvReport } from './test-support/report-files.js';
import { ADMIN, OTHER_ADMIN, TEAM, workspace } from './test-support/workspace.js';

// --dry-run validates, prints what each line would do and the totals, and sends nothing: no
// request, no journal, no lock, and no token needed.

const until = Math.floor(Date.parse('2031-01-02T09:00:00Z') / 1000);
const actions = [
  { id: '1', action: 'close', adminId: ADMIN, message: 'Closing: the inbox is retired.' },
  { id: '2', action: 'close', adminId: ADMIN },
  { id: '3', action: 'snooze', adminId: ADMIN, until },
  { id: '4', action: 'open', adminId: ADMIN },
  { id: '5', action: 'assign', adminId: ADMIN, assignee: { type: 'team', id: TEAM } },
  {
    id: '6',
    action: 'assign',
    adminId: ADMIN,
    assignee: { type: 'admin', id: OTHER_ADMIN },
    message: 'Yours.',
  },
  { id: '7', action: 'unassign', adminId: ADMIN, from: 'team' },
];

describe('a dry run', () => {
  it('prints the plan per line and in total, and sends nothing, even without a token', async () => {
    const ws = await workspace();
    const file = await ws.write('a.jsonl', jsonLinesFile(actions));
    const result = await ws.run(
      ['run', file, '--dry-run', '--report', ws.path('plan.csv'), ...ws.target],
      {
        PATH: ws.env['PATH'],
      },
    );

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      `Dry run of ${file} against ${ws.fake.url}: nothing is sent.`,
      `  line 1: close conversation 1, with a message, as admin ${ADMIN}`,
      `  line 2: close conversation 2, as admin ${ADMIN}`,
      `  line 3: snooze conversation 3 until 2031-01-02T09:00:00.000Z, as admin ${ADMIN}`,
      `  line 4: open conversation 4, as admin ${ADMIN}`,
      `  line 5: assign conversation 5 to team ${TEAM}, as admin ${ADMIN}`,
      `  line 6: assign conversation 6 to admin ${OTHER_ADMIN}, with a message, as admin ${ADMIN}`,
      `  line 7: unassign the team of conversation 7, as admin ${ADMIN}`,
      'Would send 7 of 7 lines: 2 close (1 with a message), 1 snooze, 1 open, 2 assign (1 with a message), 1 unassign.',
      '',
    ]);
    expect(ws.fake.requests).toEqual([]);
    expect(existsSync(`${file}.journal`)).toBe(false);
    expect(existsSync(`${file}.journal.lock`)).toBe(false);
    expect(csvReport(ws.path('plan.csv')).map((row) => row['status'])).toEqual(
      Array(7).fill('planned'),
    );
  });

  it('shows what a rerun would do from the journal, without touching it', async () => {
    const ws = await workspace({ conversations: ['1', '2', '3'].map((id) => ({ id })) });
    const file = await ws.write(
      'a.csv',
      csvFile([
        { id: '1', action: 'close', adminId: ADMIN, message: 'Closing.' },
        { id: '2', action: 'close', adminId: ADMIN, message: 'Closing.' },
        { id: '3', action: 'open', adminId: ADMIN },
        { id: '4', action: 'open', adminId: ADMIN },
      ]),
    );
    // Line 3's request hangs until the run is killed; the fake never applies it.
    ws.fake.fault((request) => request.path === '/conversations/2/parts', {
      type: 'delay',
      ms: 60_000,
    });
    const killed = ws.start(['run', file, '--concurrency', '1', ...ws.target]);
    await waitFor(() => ws.fake.requests.length === 2, { what: () => 'the second request' });
    killed.kill('SIGKILL');
    await killed.exited;
    const journal = readFileSync(`${file}.journal`);

    const result = await ws.run(['run', file, '--dry-run', ...ws.target], { PATH: ws.env['PATH'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '  line 2: skip, done by an earlier run (conversation 1 closed)',
    );
    expect(result.stdout).toContain(
      '  line 3: hold, an earlier run may have applied it and it posts a message',
    );
    expect(result.stdout).toContain(`  line 4: open conversation 3, as admin ${ADMIN}`);
    expect(result.stdout).toContain(
      'Would send 2 of 4 lines: 2 open; 1 done earlier, 1 held (may have been applied).',
    );
    expect(readFileSync(`${file}.journal`)).toEqual(journal);
    expect(ws.fake.requests).toHaveLength(2);

    const resend = await ws.run(['run', file, '--dry-run', '--resend-ambiguous', ...ws.target]);
    expect(resend.stdout).toContain(
      `  line 3: close conversation 2, with a message, as admin ${ADMIN} (again, as --resend-ambiguous asks: an earlier run may have applied it, so its message may be posted twice)`,
    );
  });

  it('reports invalid lines and exits 2, like the run it rehearses', async () => {
    const ws = await workspace();
    const file = await ws.write(
      'a.jsonl',
      jsonLinesFile([...actions, { id: '8', action: 'close' }]),
    );
    const result = await ws.run(['run', file, '--dry-run', ...ws.target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('  line 8: adminId is missing');
    expect(result.stdout).toBe('');
  });
});
