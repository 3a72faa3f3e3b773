import { describe, expect, it } from 'vitest';
import { waitFor } from './test-support/cli-process.js';
import { conversationIds, csvFile, journalStates } from './test-support/input-files.js';
import { ADMIN, workspace } from './test-support/workspace.js';

// On a terminal, progress is a bar redrawn in place: done and total, failures, rate, time left
// and the rate-limit budget left. Checked under a real pseudo-terminal.

const closeAll = (count: number) =>
  csvFile(conversationIds(count).map((id) => ({ id, action: 'close', adminId: ADMIN })));
const BAR =
  /[\u2588\u2591]{24} (\d+)\/300 \| (\d+) failed \| \d+\.\d\/s \| ETA [^|]+ \| rate limit (\d+\/100|--) left/g;

describe('progress on a terminal', () => {
  it('is a bar redrawn in place, ending at the total, then the summary', async () => {
    const ws = await workspace({
      rateLimit: { limit: 100, windowSeconds: 1 },
      conversations: [
        ...conversationIds(299).map((id) => ({ id })),
        { id: '300', state: 'closed' },
      ],
    });
    // One failure, to see it counted: conversation 301 does not exist.
    const file = await ws.write('a.csv', closeAll(300).replace(/^300,/m, '301,'));
    const terminal = ws.terminal(['run', file, '--no-journal', ...ws.target]);
    const code = await terminal.exited;

    expect(code).toBe(1);
    const { screen } = terminal;
    const bars = [...screen.matchAll(BAR)];
    // 300 lines at 100 a second take three seconds; the bar is redrawn several times a second.
    expect(bars.length).toBeGreaterThanOrEqual(3);
    // Redrawn in place: each draw returns to the start of the line and clears what is left.
    expect(screen).toContain('\u001b[1G');
    expect(screen).toContain('\u001b[0K');
    const done = bars.map((bar) => Number(bar[1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(bars.at(-1)?.slice(1, 3)).toEqual(['300', '1']);
    expect(bars.some((bar) => /\d+\/100/.test(bar[3]!))).toBe(true);
    expect(screen).toMatch(/Ran .*a\.csv against .* in .+: 299 done, 1 failed\./);
    expect(screen).toMatch(/line 301 \(close 301\): NotFoundError not_found/);
  });

  it('a Ctrl-C typed at the terminal stops the run gracefully, shown in the bar', async () => {
    const ws = await workspace({ conversations: conversationIds(300).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(300));
    // Conversations 60 to 63 answer slowly, so the run is surely in progress when Ctrl-C comes.
    const slow = /^\/conversations\/6[0-3]\/parts$/;
    ws.fake.fault((request) => slow.test(request.path), { type: 'delay', ms: 1500 });
    const terminal = ws.terminal(['run', file, ...ws.target]);
    await waitFor(
      () => ws.fake.requests.filter((request) => slow.test(request.path)).length === 4,
      {
        what: () => `the slow requests; the terminal shows:\n${terminal.screen}`,
      },
    );
    terminal.type('\u0003');
    const code = await terminal.exited;

    expect(code).toBe(130);
    expect(terminal.screen).toMatch(
      /\| stopping: no new line starts; waiting for the 4 in flight \(Ctrl-C again aborts them\)/,
    );
    expect(terminal.screen).toMatch(/Interrupted .* 63 done, 237 not started\./);
    const states = journalStates(`${file}.journal`);
    expect(states.size).toBe(63);
    expect([...states.values()].every((state) => state === 'done')).toBe(true);
  });
});
