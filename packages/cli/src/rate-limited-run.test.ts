import { describe, expect, it } from 'vitest';
import { csvFile } from './test-support/input-files.js';
import { jsonReport } from './test-support/report-files.js';
import { ADMIN, OTHER_ADMIN, TEAM, workspace } from './test-support/workspace.js';

// A 1,000-line run against a fake that allows 150 requests a second: the library's pacing keeps
// every 429 out of the run, and without a terminal the progress is plain lines, at most one a
// second.

const LINES = 1000;
const future = Math.floor(Date.now() / 1000) + 7 * 86_400;

function action(index: number): Record<string, string | number> {
  const id = String(1000 + index);
  switch (index % 5) {
    case 0:
      return {
        id,
        action: 'close',
        adminId: ADMIN,
        message: `Closing ${id}: this inbox is retired.`,
      };
    case 1:
      return { id, action: 'assign', adminId: ADMIN, assigneeType: 'team', assigneeId: TEAM };
    case 2:
      return { id, action: 'snooze', adminId: ADMIN, until: future };
    case 3:
      return { id, action: 'unassign', adminId: ADMIN, from: 'admin' };
    default:
      return {
        id,
        action: 'assign',
        adminId: ADMIN,
        assigneeType: 'admin',
        assigneeId: OTHER_ADMIN,
        message: `Over to you, ${id}.`,
      };
  }
}

describe('a 1,000-line run under a rate limit', () => {
  it('completes every line with no 429 in its output, and logs plain progress at most once a second', async () => {
    const ws = await workspace({
      rateLimit: { limit: 150, windowSeconds: 1 },
      conversations: Array.from({ length: LINES }, (_, index) => ({
        id: String(1000 + index),
        adminAssigneeId: ADMIN,
      })),
    });
    const rows = Array.from({ length: LINES }, (_, index) => action(index));
    const file = await ws.write('actions.csv', csvFile(rows));
    const startedAt = Date.now();
    const result = await ws.run([
      'run',
      file,
      '--concurrency',
      '8',
      '--report',
      ws.path('report.json'),
      ...ws.target,
    ]);
    const elapsedSeconds = (Date.now() - startedAt) / 1000;

    expect(result.stderr).not.toMatch(/429|rate_limit_exceeded|RateLimitError/);
    expect(result.stdout).not.toMatch(/429|rate_limit_exceeded|RateLimitError/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^Ran ${file} against ${ws.fake.url} in .+: 1000 done\\.$`, 'm'),
    );

    const report = jsonReport(ws.path('report.json'));
    expect(report.lines).toHaveLength(LINES);
    expect(report.lines.every((line) => line.status === 'done')).toBe(true);
    const states = rows.map((row) => ws.fake.conversations.get(String(row['id'])));
    expect(states.filter((c) => c?.state === 'closed')).toHaveLength(200);
    expect(states.filter((c) => c?.state === 'snoozed')).toHaveLength(200);
    expect(states.filter((c) => c?.team_assignee_id === Number(TEAM))).toHaveLength(200);
    expect(states.filter((c) => c?.admin_assignee_id === Number(OTHER_ADMIN))).toHaveLength(200);
    expect(states.filter((c) => c?.admin_assignee_id === null)).toHaveLength(200);
    // Each line was sent once: pacing, not retrying after 429s.
    expect(ws.fake.requests.filter((request) => request.status === 200)).toHaveLength(LINES);

    // Plain progress lines, no carriage returns or escape sequences, on stderr.
    expect(result.stderr).not.toMatch(/[\r\u001b]/);
    const progress = result.stderr.split('\n').filter((line) => line.startsWith('['));
    const pattern =
      /^\[(\d\d):(\d\d)\] (\d+)\/1000 done, (\d+) failed, \d+\.\d\/s, ETA ([^,]+), rate limit (\d+\/150|--) left$/;
    for (const line of progress) expect(line).toMatch(pattern);
    // 1,000 lines at 150 a second take over 6 seconds, so there are progress lines to check.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const stamps = progress.map((line) => {
      const [, minutes, seconds] = pattern.exec(line)!;
      return Number(minutes) * 60 + Number(seconds);
    });
    // At most one a second: every line's stamp is a later second than the one before…
    for (let index = 1; index < stamps.length; index += 1) {
      expect(stamps[index]).toBeGreaterThan(stamps[index - 1]!);
    }
    // … and there are no more lines than seconds the run took.
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds));
    const done = progress.map((line) => Number(pattern.exec(line)![3]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});
