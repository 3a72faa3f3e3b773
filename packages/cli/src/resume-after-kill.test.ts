import { appendFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { waitFor } from './test-support/cli-process.js';
import { repeatedMessages, requestsFor } from './test-support/fake-assertions.js';
import {
  closeOrAssign,
  conversationIds,
  csvFile,
  journalStates,
} from './test-support/input-files.js';
import { jsonReport } from './test-support/report-files.js';
import { TEAM, workspace, type Workspace } from './test-support/workspace.js';

// A run killed with SIGKILL, then run again with the same journal: lines done are skipped, lines
// left at `sending` are sent again when that is harmless, and those that post a message are
// reported as "may have been applied" and not sent again. No message is ever posted twice.

async function killedRun(ws: Workspace, args: string[], killWhen: () => boolean): Promise<void> {
  const child = ws.start(args);
  await waitFor(killWhen, {
    what: () => `the moment to kill; output:\n${child.stderr}`,
    stopIf: () => !child.running,
  });
  child.kill('SIGKILL');
  const result = await child.exited;
  expect(result.signal).toBe('SIGKILL');
}

describe('resuming a run killed with SIGKILL', () => {
  it('skips lines done, resends those that converge, holds those that post a message', async () => {
    const ws = await workspace({ conversations: conversationIds(40).map((id) => ({ id })) });
    const file = await ws.write('actions.csv', csvFile(closeOrAssign(40)));
    const journal = `${file}.journal`;
    const args = [
      'run',
      file,
      '--concurrency',
      '4',
      '--report',
      ws.path('report.json'),
      ...ws.target,
    ];
    // Conversations 21 to 24 answer slowly: when all four are in flight, the run is killed.
    const slow = /^\/conversations\/2[1-4]\/parts$/;
    const fault = ws.fake.fault((request) => slow.test(request.path), { type: 'delay', ms: 1500 });
    await killedRun(ws, args, () => ws.fake.requests.filter((r) => slow.test(r.path)).length === 4);

    // The journal: lines 2 to 21 (conversations 1 to 20) done, 22 to 25 left at sending.
    const states = journalStates(journal);
    for (let line = 2; line <= 21; line += 1) expect(states.get(line), `line ${line}`).toBe('done');
    for (let line = 22; line <= 25; line += 1)
      expect(states.get(line), `line ${line}`).toBe('sending');
    expect(states.size).toBe(24);
    // The slow requests were applied after the command died: the ambiguous case.
    await waitFor(
      () => ws.fake.requests.filter((r) => slow.test(r.path) && r.applied).length === 4,
      {
        what: () => 'the slow requests to be applied',
      },
    );
    fault.remove();

    const resumed = await ws.run(args);
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toContain('20 done earlier');
    expect(resumed.stdout).toContain('2 may have been applied');
    expect(resumed.stdout).toMatch(
      /line 22 \(close 21\): Interrupted: An earlier run stopped while sending it/,
    );
    expect(resumed.stdout).toContain('--resend-ambiguous');

    const report = jsonReport(ws.path('report.json'));
    expect(report.lines.map((line) => line.line)).toEqual(
      conversationIds(40).map((id) => Number(id) + 1),
    );
    const status = (line: number) => report.lines.find((row) => row.line === line)?.status;
    for (let line = 2; line <= 21; line += 1) expect(status(line)).toBe('done-earlier');
    expect([22, 23, 24, 25].map(status)).toEqual([
      'may-have-been-applied',
      'done',
      'may-have-been-applied',
      'done',
    ]);
    for (let line = 26; line <= 41; line += 1) expect(status(line)).toBe('done');

    // Held lines were not sent again; the assignments were, harmlessly.
    expect(requestsFor(ws.fake, '21')).toHaveLength(1);
    expect(requestsFor(ws.fake, '23')).toHaveLength(1);
    expect(requestsFor(ws.fake, '22')).toHaveLength(2);
    expect(requestsFor(ws.fake, '24')).toHaveLength(2);
    expect(repeatedMessages(ws.fake, conversationIds(40))).toEqual([]);
    for (const id of conversationIds(40)) {
      const conversation = ws.fake.conversations.get(id)!;
      if (Number(id) % 2 === 1) expect(conversation.state, id).toBe('closed');
      else expect(conversation.team_assignee_id, id).toBe(Number(TEAM));
    }

    // Running again changes nothing: the held lines stay held until someone decides.
    const before = ws.fake.requests.length;
    const again = await ws.run(args);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(
      /^Nothing to send in .*: 38 done earlier, 2 may have been applied\.$/m,
    );
    expect(ws.fake.requests).toHaveLength(before);

    // --resend-ambiguous sends them, and here that posts their message a second time.
    const resent = await ws.run([...args, '--resend-ambiguous']);
    expect(resent.code).toBe(0);
    expect(requestsFor(ws.fake, '21')).toHaveLength(2);
    expect(repeatedMessages(ws.fake, conversationIds(40))).toEqual([
      '21: Closing 21: the inbox is retired. ×2',
      '23: Closing 23: the inbox is retired. ×2',
    ]);
    expect(journalStates(journal).get(22)).toBe('done');
  });

  it('ends every line with exactly one outcome and no message twice, wherever the kill lands', async () => {
    const count = 300;
    const ws = await workspace({ conversations: conversationIds(count).map((id) => ({ id })) });
    const file = await ws.write('actions.csv', csvFile(closeOrAssign(count)));
    const journal = `${file}.journal`;
    const args = [
      'run',
      file,
      '--concurrency',
      '8',
      '--report',
      ws.path('report.json'),
      ...ws.target,
    ];

    // Killed twice, each time once the fake has seen another hundred requests.
    await killedRun(ws, args, () => ws.fake.requests.length >= 100);
    await killedRun(ws, args, () => ws.fake.requests.length >= 200);
    // As if the second kill had landed in the middle of writing a record.
    appendFileSync(journal, '{"line":299,"state":"sen');

    const resumed = await ws.run(args);
    const report = jsonReport(ws.path('report.json'));
    expect(report.lines.map((line) => line.line)).toEqual(
      conversationIds(count).map((id) => Number(id) + 1),
    );
    const held = report.lines.filter((line) => line.status === 'may-have-been-applied');
    expect(
      report.lines.filter(
        (line) => !['done', 'done-earlier', 'may-have-been-applied'].includes(line.status),
      ),
    ).toEqual([]);
    // Only lines in flight at a kill can be held (8 at a time), and only those with a message.
    expect(held.length).toBeLessThanOrEqual(16);
    for (const line of held) expect(line.action).toBe('close');
    expect(resumed.code).toBe(held.length > 0 ? 1 : 0);

    expect(repeatedMessages(ws.fake, conversationIds(count))).toEqual([]);
    for (const line of report.lines.filter((row) => row.status !== 'may-have-been-applied')) {
      const conversation = ws.fake.conversations.get(line.id)!;
      if (line.action === 'close') expect(conversation.state, line.id).toBe('closed');
      else expect(conversation.team_assignee_id, line.id).toBe(Number(TEAM));
    }
    // The torn record was cut off before the journal grew again: every line of it is whole JSON.
    for (const text of readFileSync(journal, 'utf8').split('\n').slice(0, -1)) {
      expect(() => JSON.parse(text), text).not.toThrow();
    }
  });
});
