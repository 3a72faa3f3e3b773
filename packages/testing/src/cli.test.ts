import { afterEach, describe, expect, it } from 'vitest';
import { killFakeCommands, startFakeCommand } from './test-support/fake-command.js';
import { closeFakes, startFake } from './test-support/fakes.js';
import { manage } from './test-support/http.js';
import { expectConversation } from './test-support/spec-assertions.js';

afterEach(async () => {
  await closeFakes();
  killFakeCommands();
});

describe('the conversation-kit-fake command', () => {
  it('prints {url, token}, serves the seeded fake, and exits 0 on SIGTERM', async () => {
    const run = startFakeCommand([
      '--port',
      '0',
      '--token',
      't0k',
      '--admin',
      '1',
      '--conversation',
      '5',
    ]);
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
    const run = startFakeCommand([
      '--admin',
      '1',
      '--team',
      '22',
      '--conversation',
      '5',
      '--rate-limit',
      '2',
    ]);
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
    const exit = await startFakeCommand(args).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(message);
    expect(exit.stderr).toMatch(/^Usage: conversation-kit-fake/m);
    expect(exit.stdout).toBe('');
  });

  it('takes the body limit and the assignment behaviour', async () => {
    const run = startFakeCommand([
      '--admin',
      '1',
      '--conversation',
      '5',
      '--max-body-bytes',
      '200',
      '--assign-keeps-closed',
    ]);
    const fake = JSON.parse(await run.firstLine) as { url: string; token: string };
    const close = { message_type: 'close', type: 'admin', admin_id: '1' };
    expectConversation(await manage(fake, '5', close));
    const assign = { message_type: 'assignment', type: 'admin', admin_id: '1', assignee_id: '1' };
    expect(expectConversation(await manage(fake, '5', assign)).state).toBe('closed');
    const long = await manage(fake, '5', { ...close, body: 'x'.repeat(200) });
    expect(long.status).toBe(413);
    expect(long.body).toMatchObject({ errors: [{ code: 'content_too_large' }] });
    run.process.kill('SIGTERM');
    expect(await run.exited).toMatchObject({ code: 0 });
  });

  it.each([
    [['--max-body-bytes', '2MB'], /--max-body-bytes must be a whole number, not "2MB"/],
    [['--max-connections=-1'], /--max-connections must be a whole number/],
    [['--max-connections', '0'], /limits\.maxConnections must be a whole number of 1 or more/],
    [
      ['--headers-timeout-ms', '100', '--request-timeout-ms', '50'],
      /timeouts\.requestMs \(50\) must be at least timeouts\.headersMs \(100\)/,
    ],
  ])('exits 2, naming the flag or option, for %j', async (args, message) => {
    const exit = await startFakeCommand(args).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(message);
    expect(exit.stdout).toBe('');
  });

  it('exits 2, explaining on stderr, when the port is taken', async () => {
    const occupant = await startFake();
    const port = new URL(occupant.url).port;
    const exit = await startFakeCommand(['--port', port]).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/EADDRINUSE/);
    expect(exit.stdout).toBe('');
  });

  it('exits 2 with the usage for an unknown flag', async () => {
    const exit = await startFakeCommand(['--prot', '8080']).exited;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/--prot/);
    expect(exit.stderr).toMatch(/^Usage: conversation-kit-fake/m);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const exit = await startFakeCommand(['--help']).exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/^Usage: conversation-kit-fake/);
  });
});
