import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { waitFor } from './test-support/cli-process.js';
import {
  conversationIds,
  csvFile,
  journalRecords,
  journalStates,
} from './test-support/input-files.js';
import { ADMIN, workspace } from './test-support/workspace.js';

// The journal: append-only, each record flushed before the next step, bound to its input and
// target, held by one process at a time, and refused when damaged rather than guessed at.

const closeAll = (count: number, message?: string) =>
  csvFile(
    conversationIds(count).map((id) => ({
      id,
      action: 'close',
      adminId: ADMIN,
      ...(message ? { message } : {}),
    })),
  );

describe('the journal', () => {
  it('has `sending` on disk before each request arrives, then `done`, in that order', async () => {
    const ws = await workspace({ conversations: conversationIds(30).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(30, 'Closing.'));
    const journal = `${file}.journal`;
    const missing: string[] = [];
    // The fake asks the journal, as each request arrives, whether its line is recorded as sending.
    ws.fake.fault(
      (request) => {
        const line = Number(/\/conversations\/(\d+)\/parts/.exec(request.path)![1]) + 1;
        const recorded = journalRecords(journal).some(
          (r) => r['line'] === line && r['state'] === 'sending',
        );
        if (!recorded) missing.push(request.path);
        return false;
      },
      { type: 'status', status: 500 },
    );
    const result = await ws.run(['run', file, '--concurrency', '6', ...ws.target]);

    expect(result.code).toBe(0);
    expect(missing).toEqual([]);
    const records = journalRecords(journal);
    expect(records[0]).toMatchObject({
      journal: 'conversation-kit',
      version: 1,
      target: ws.fake.url,
      input: { file },
    });
    expect(records[1]).toMatchObject({ run: 'start', concurrency: 6 });
    expect(records.at(-1)).toMatchObject({
      run: 'end',
      interrupted: false,
      done: 30,
      failed: 0,
      notStarted: 0,
    });
    for (let line = 2; line <= 31; line += 1) {
      const states = records.filter((r) => r['line'] === line).map((r) => r['state']);
      expect(states, `line ${line}`).toEqual(['sending', 'done']);
    }
    expect(records.find((r) => r['state'] === 'done')).toMatchObject({
      result: { state: 'closed' },
    });
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it('is refused, and nothing sent, when the input changed since it was written', async () => {
    const ws = await workspace({ conversations: conversationIds(3).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(2));
    expect((await ws.run(['run', file, ...ws.target])).code).toBe(0);
    const journal = readFileSync(`${file}.journal`, 'utf8');
    await ws.write('a.csv', closeAll(3));
    const requests = ws.fake.requests.length;

    const result = await ws.run(['run', file, ...ws.target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}.journal was written for another version of ${file}`);
    expect(result.stderr).toContain('give a new --journal to start afresh');
    expect(ws.fake.requests).toHaveLength(requests);
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe(journal);

    const fresh = await ws.run(['run', file, '--journal', ws.path('new.journal'), ...ws.target]);
    expect(fresh.code).toBe(0);
  });

  it('is refused against another target than its own; a rehearsal has a journal of its own', async () => {
    const ws = await workspace({ conversations: conversationIds(2).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(2));
    const rehearsal = await ws.run(['run', file, '--fake'], { PATH: ws.env['PATH'] });
    expect(rehearsal.code).toBe(0);
    expect(existsSync(`${file}.rehearsal.journal`)).toBe(true);
    expect(existsSync(`${file}.journal`)).toBe(false);

    const result = await ws.run([
      'run',
      file,
      '--journal',
      `${file}.rehearsal.journal`,
      ...ws.target,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`records a run against fake, not ${ws.fake.url}`);
    expect(ws.fake.requests).toEqual([]);
    expect((await ws.run(['run', file, ...ws.target])).code).toBe(0);
  });

  it.each([
    ['not a journal', 'hello\n', /is not a conversation-kit journal/],
    [
      'a damaged record before the last',
      'HEADER\n{"line":2,"state":"sending","at":"x"}\n{"line":2,"sta\n{"line":3,"state":"sending","at":"x"}\n',
      /line 3 is not a journal record: the journal was edited or damaged/,
    ],
    [
      'a record of an unknown state',
      'HEADER\n{"line":2,"state":"maybe","at":"x"}\n',
      /line 2 is not a journal record/,
    ],
  ])('is refused when it is %s, and nothing is sent', async (_, text, message) => {
    const ws = await workspace({ conversations: conversationIds(2).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(2));
    expect((await ws.run(['run', file, '--dry-run', ...ws.target])).code).toBe(0);
    const { createHash } = await import('node:crypto');
    const header = JSON.stringify({
      journal: 'conversation-kit',
      version: 1,
      input: { file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') },
      target: ws.fake.url,
      created: new Date().toISOString(),
    });
    writeFileSync(`${file}.journal`, text.replace('HEADER', header));
    const result = await ws.run(['run', file, ...ws.target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(ws.fake.requests).toEqual([]);
  });

  it('is used by one run at a time: a second run on it exits 2 naming the first', async () => {
    const ws = await workspace({ conversations: conversationIds(8).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(8));
    ws.fake.fault((request) => request.path === '/conversations/1/parts', {
      type: 'delay',
      ms: 1500,
    });
    const first = ws.start(['run', file, '--concurrency', '1', ...ws.target]);
    await waitFor(() => ws.fake.requests.length === 1, { what: () => 'the first run to send' });

    const second = await ws.run(['run', file, ...ws.target]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(
      `another conversation-kit run (pid ${first.child.pid} on ${hostname()}`,
    );
    expect(second.stderr).toContain(`is using the journal ${file}.journal; wait for it to end`);
    expect((await first.exited).code).toBe(0);
    expect(ws.fake.requests).toHaveLength(8);
  });

  it('takes over the lock of a process that is gone, and refuses one held by a live process', async () => {
    const ws = await workspace({ conversations: conversationIds(2).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(2));
    const lock = `${file}.journal.lock`;
    const holder = (pid: number) =>
      JSON.stringify({ pid, host: hostname(), started: new Date().toISOString() });

    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(lock, holder(gone.pid!));
    expect((await ws.run(['run', file, '--dry-run', ...ws.target])).code).toBe(0);
    const taken = await ws.run(['run', file, ...ws.target]);
    expect(taken.code).toBe(0);
    expect(existsSync(lock)).toBe(false);

    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const held = holder(alive.pid!);
      writeFileSync(lock, held);
      const refused = await ws.run(['run', file, ...ws.target]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`(pid ${alive.pid} on ${hostname()}`);
      expect(refused.stderr).toContain(`delete ${lock}`);
      expect(readFileSync(lock, 'utf8')).toBe(held);
      expect(ws.fake.requests).toHaveLength(2);
    } finally {
      alive.kill('SIGKILL');
    }
  });

  it('that cannot be written stops the run before anything is sent', async () => {
    const ws = await workspace({ conversations: conversationIds(2).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(2));
    const result = await ws.run([
      'run',
      file,
      '--journal',
      ws.path('no/such/folder/j'),
      ...ws.target,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot (lock|write) the journal/);

    await import('node:fs/promises').then(({ mkdir }) => mkdir(ws.path('folder')));
    const folder = await ws.run(['run', file, '--journal', ws.path('folder'), ...ws.target]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`the journal ${ws.path('folder')} is not a file`);
    expect(ws.fake.requests).toEqual([]);
  });

  it('is not kept with --no-journal: a rerun sends everything again', async () => {
    const ws = await workspace({ conversations: conversationIds(2).map((id) => ({ id })) });
    const file = await ws.write('a.csv', closeAll(2));
    expect((await ws.run(['run', file, '--no-journal', ...ws.target])).code).toBe(0);
    expect((await ws.run(['run', file, '--no-journal', ...ws.target])).code).toBe(0);
    expect(ws.fake.requests).toHaveLength(4);
    expect(existsSync(`${file}.journal`)).toBe(false);
  });

  it('records a failure that applied nothing as failed, and the rerun sends that line again', async () => {
    const ws = await workspace({ conversations: [{ id: '1' }] });
    const file = await ws.write('a.csv', closeAll(2));
    const first = await ws.run(['run', file, ...ws.target]);
    expect(first.code).toBe(1);
    expect(journalStates(`${file}.journal`)).toEqual(
      new Map([
        [2, 'done'],
        [3, 'failed'],
      ]),
    );

    ws.fake.conversations.add({ id: '2' });
    const second = await ws.run(['run', file, ...ws.target]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('1 done earlier, 1 done');
    expect(journalStates(`${file}.journal`).get(3)).toBe('done');
  });
});
