import { describe, expect, it } from 'vitest';
import { waitFor } from './test-support/cli-process.js';
import { repeatedMessages, requestsFor } from './test-support/fake-assertions.js';
import {
  closeOrAssign,
  conversationIds,
  csvFile,
  journalRecords,
  journalStates,
} from './test-support/input-files.js';
import { jsonReport } from './test-support/report-files.js';
import { workspace } from './test-support/workspace.js';

// Ctrl-C (SIGINT) once: no new line starts, the ones in flight finish and are journaled, exit
// 130. Twice: the ones in flight are aborted, and journaled as ambiguous. Either way, running the
// same command again finishes the job.

// Conversations 1 to 4, the first lines the four workers take.
const FIRST_FOUR = /^\/conversations\/[1-4]\/parts$/;

describe('Ctrl-C', () => {
  it('once: lets the lines in flight finish, journals them, exits 130; the rerun finishes', async () => {
    const ws = await workspace({ conversations: conversationIds(20).map((id) => ({ id })) });
    const file = await ws.write('actions.csv', csvFile(closeOrAssign(20)));
    const args = [
      'run',
      file,
      '--concurrency',
      '4',
      '--report',
      ws.path('report.json'),
      ...ws.target,
    ];
    const fault = ws.fake.fault((request) => FIRST_FOUR.test(request.path), {
      type: 'delay',
      ms: 1500,
    });
    const child = ws.start(args);
    await waitFor(() => ws.fake.requests.length === 4, { what: () => 'four requests in flight' });
    child.kill('SIGINT');
    const result = await child.exited;
    fault.remove();

    expect(result.code).toBe(130);
    expect(result.stderr).toContain(
      'conversation-kit: stopping: no new line starts; waiting for the 4 in flight (Ctrl-C again aborts them)',
    );
    expect(result.stdout).toMatch(/^Interrupted .* in .+: 4 done, 16 not started\.$/m);
    expect(result.stdout).toContain(
      'Run the same command again to send the 16 failed or not started lines',
    );
    expect(ws.fake.requests).toHaveLength(4);
    const states = journalStates(`${file}.journal`);
    expect([...states]).toEqual([2, 3, 4, 5].map((line) => [line, 'done']));
    expect(journalRecords(`${file}.journal`).at(-1)).toMatchObject({
      run: 'end',
      interrupted: true,
      done: 4,
      notStarted: 16,
    });
    const report = jsonReport(ws.path('report.json'));
    expect(report).toMatchObject({ interrupted: true, exitCode: 130 });
    expect(report.lines.filter((line) => line.status === 'not-started')).toHaveLength(16);

    const rerun = await ws.run(args);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('4 done earlier, 16 done');
    expect(ws.fake.requests).toHaveLength(20);
    expect(repeatedMessages(ws.fake, conversationIds(20))).toEqual([]);
  });

  it('twice: aborts the lines in flight and journals them as ambiguous; the rerun holds the messages', async () => {
    const ws = await workspace({ conversations: conversationIds(20).map((id) => ({ id })) });
    const file = await ws.write('actions.csv', csvFile(closeOrAssign(20)));
    const args = ['run', file, '--concurrency', '4', ...ws.target];
    // Requests that would take a minute: the fake is closed before then, applying none of them.
    const fault = ws.fake.fault((request) => FIRST_FOUR.test(request.path), {
      type: 'delay',
      ms: 60_000,
    });
    const child = ws.start(args);
    await waitFor(() => ws.fake.requests.length === 4, { what: () => 'four requests in flight' });
    child.kill('SIGINT');
    await child.waitForOutput(/stopping: no new line starts/);
    child.kill('SIGINT');
    const result = await child.exited;
    fault.remove();

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('conversation-kit: aborting the 4 in flight');
    expect(result.stdout).toMatch(/: 4 may have been applied, 16 not started\.$/m);
    expect(result.stdout).toMatch(/line 2 \(close 1\): AbortError: The call was aborted/);
    const states = journalStates(`${file}.journal`);
    expect([...states]).toEqual([2, 3, 4, 5].map((line) => [line, 'ambiguous']));

    const rerun = await ws.run(args);
    expect(rerun.code).toBe(1);
    // Conversations 1 and 3 post a message: held. 2 and 4 converge: sent again.
    expect(requestsFor(ws.fake, '1')).toHaveLength(1);
    expect(requestsFor(ws.fake, '3')).toHaveLength(1);
    expect(requestsFor(ws.fake, '2')).toHaveLength(2);
    expect(rerun.stdout).toContain('2 may have been applied, 18 done');
    expect(repeatedMessages(ws.fake, conversationIds(20))).toEqual([]);
  });

  it('SIGTERM stops the run as the first Ctrl-C does, and exits 143', async () => {
    const ws = await workspace({ conversations: conversationIds(20).map((id) => ({ id })) });
    const file = await ws.write('actions.csv', csvFile(closeOrAssign(20)));
    ws.fake.fault((request) => FIRST_FOUR.test(request.path), { type: 'delay', ms: 1500 });
    const child = ws.start(['run', file, '--concurrency', '4', ...ws.target]);
    await waitFor(() => ws.fake.requests.length === 4, { what: () => 'four requests in flight' });
    child.kill('SIGTERM');
    const result = await child.exited;

    expect(result.code).toBe(143);
    expect(result.stdout).toMatch(/: 4 done, 16 not started\.$/m);
    expect([...journalStates(`${file}.journal`).values()]).toEqual(Array(4).fill('done'));
  });
});
