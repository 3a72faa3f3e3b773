import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeFakes, startFake } from './test-support/fakes.js';
import { manage } from './test-support/http.js';
import { expectConversation } from './test-support/spec-assertions.js';

const bin = fileURLToPath(new URL('../bin/conversation-kit-fake.js', import.meta.url));
const builtCli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let child: ChildProcess | undefined;

beforeAll(() => {
  if (!existsSync(builtCli)) {
    throw new Error('The CLI is not built: run `pnpm build` in packages/testing first');
  }
});

afterEach(async () => {
  await closeFakes();
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the command with these arguments, collecting its output. */
function start(args: string[]): {
  process: ChildProcess;
  exited: Promise<Exit>;
  firstLine: Promise<string>;
} {
  const started = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  let stdout = '';
  let stderr = '';
  started.stdout!.setEncoding('utf8');
  started.stderr!.setEncoding('utf8');
  started.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve, reject) => {
    started.once('error', reject);
    started.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    started.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    void exited.then((exit) =>
      reject(new Error(`The command exited (${exit.code}) before printing a line: ${exit.stderr}`)),
    );
  });
  firstLine.catch(() => {}); // Tests that expect an early exit never read it.
  return { process: started, exited, firstLine };
}

describe('the conversation-kit-fake command', () => {
  it('prints {url, token}, serves the seeded fake, and exits 0 on SIGTERM', async () => {
    const run = start(['--port', '0', '--token', 't0k', '--admin', '1', '--conversation', '5']);
    const { url, token } = JSON.parse(await run.firstLine) as { url: string; token: string };
    expect(token).toBe('t0k');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await manage({ url, token }, '5', {
      message_type: 'close',
      type: 'admin',
      admin_id: '1',
    });
    expect(expectConversation(response)).toMatchObject({ id: '5', state: 'closed', open: false });

    run.process.kill('SIGTERM');
    const exit = await run.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
  });

  it('exits 0 on SIGINT too, and seeds teams and a rate limit', async () => {
    const run = start(['--admin', '1', '--team', '22', '--conversation', '5', '--rate-limit', '2']);
    const { url, token } = JSON.parse(await run.firstLine) as { url: string; token: string };
    expect(token.length).toBeGreaterThan(0);

    const response = await manage({ url, token }, '5', {
      message_type: 'assignment',
      type: 'team',
      admin_id: '1',
      assignee_id: '22',
    });
    expect(expectConversation(response).team_assignee_id).toBe(22);
    expect(response.headers.get('x-ratelimit-limit')).toBe('2');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('1');

    run.process.kill('SIGINT');
    expect(await run.exited).toMatchObject({ code: 0, signal: null });
  });

  it.each([
    [['--admin', 'abc'], /admin id/],
    [['--team', '0'], /team id/],
    [['--conversation', 'x1'], /digits/],
    [['--port', 'eighty'], /port/],
    [['--rate-limit', '0'], /rateLimit\.limit/],
    [['--token', 'has space'], /token/],
  ])('exits 2, explaining on stderr, for the bad value %j', async (args, message) => {
    const exit = await start(args).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(message);
    expect(exit.stderr).toMatch(/^Usage: conversation-kit-fake/m);
    expect(exit.stdout).toBe('');
  });

  it('exits 2, explaining on stderr, when the port is taken', async () => {
    const occupant = await startFake();
    const port = new URL(occupant.url).port;
    const exit = await start(['--port', port]).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/EADDRINUSE/);
    expect(exit.stdout).toBe('');
  });

  it('exits 2 with the usage for an unknown flag', async () => {
    const exit = await start(['--prot', '8080']).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/--prot/);
    expect(exit.stderr).toMatch(/^Usage: conversation-kit-fake/m);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const exit = await start(['--help']).exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/^Usage: conversation-kit-fake/);
  });
});
