import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFile } from './test-support/input-files.js';
import { ADMIN, workspace } from './test-support/workspace.js';

// The command line itself: help, version, and every way to get it wrong, which exits 2 with a
// message naming the mistake and sends nothing.

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

async function withInput() {
  const ws = await workspace({ conversations: [{ id: '1' }] });
  const file = await ws.write('a.csv', csvFile([{ id: '1', action: 'close', adminId: ADMIN }]));
  return { ws, file };
}

describe('help and version', () => {
  it('prints the usage with --help, -h and help, and exits 0', async () => {
    const ws = await workspace();
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await ws.run(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: conversation-kit <command>');
      expect(result.stdout).toContain('run <file>');
    }
  });

  it('prints the usage of run, naming every option, with run --help and help run', async () => {
    const ws = await workspace();
    for (const args of [
      ['run', '--help'],
      ['help', 'run'],
      ['run', 'x.csv', '-h'],
    ]) {
      const result = await ws.run(args);
      expect(result.code, args.join(' ')).toBe(0);
      for (const option of [
        '--dry-run',
        '--skip-invalid',
        '--journal',
        '--no-journal',
        '--resend-ambiguous',
        '--report',
        '--concurrency',
        '--region',
        '--base-url',
        '--token-env',
        '--fake',
        '--format',
      ]) {
        expect(result.stdout, option).toContain(option);
      }
    }
  });

  it('prints the package version with --version and -v', async () => {
    const ws = await workspace();
    for (const flag of ['--version', '-v']) {
      const result = await ws.run([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
  });

  it('prints the usage on stderr and exits 2 without a command', async () => {
    const ws = await workspace();
    const result = await ws.run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: conversation-kit');
  });
});

describe('usage errors exit 2, say what is wrong, and send nothing', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['run'], /needs the file of actions/],
    [['run', 'a.csv', '--frobnicate'], /unknown option --frobnicate/],
    [['run', 'a.csv', 'b.csv'], /one file of actions, but got 2/],
    [
      ['run', 'a.csv', '--concurrency', '0'],
      /--concurrency must be a whole number from 1 to 64, not "0"/,
    ],
    [['run', 'a.csv', '--concurrency', '65'], /from 1 to 64, not "65"/],
    [['run', 'a.csv', '--concurrency', '2.5'], /from 1 to 64, not "2.5"/],
    [['run', 'a.csv', '--concurrency'], /--concurrency needs a value/],
    [['run', 'a.csv', '--report'], /--report needs a value/],
    [['run', 'a.csv', '--region', 'mars'], /--region must be us, eu or au, not "mars"/],
    [
      ['run', 'a.csv', '--region', 'eu', '--base-url', 'https://x.test'],
      /--region or --base-url, not both/,
    ],
    [
      ['run', 'a.csv', '--base-url', 'not a url'],
      /--base-url is .*not an absolute URL; expected an http\(s\) URL/,
    ],
    [['run', 'a.csv', '--report', 'out.txt'], /--report must name a .json or a .csv file/],
    [['run', 'a.csv', '--report', 'missing-folder/out.csv'], /there is no folder missing-folder/],
    [['run', 'a.csv', '--journal', 'j', '--no-journal'], /--journal or --no-journal, not both/],
    [['run', 'a.csv', '--journal', './a.csv'], /--journal names the input file itself/],
    [['run', 'a.csv', '--report', 'a.csv'], /--report names the input file itself/],
    [
      ['run', 'a.csv', '--report', 'a.csv.journal.csv', '--journal', 'a.csv.journal.csv'],
      /--report names the journal/,
    ],
    [['run', 'a.csv', '--format', 'xml'], /--format must be csv or jsonl, not "xml"/],
    [['run', 'a.json'], /the input is JSON Lines.*--format jsonl/],
    [['run', 'a.actions'], /cannot tell the format of a.actions.*--format csv/],
    [
      ['run', 'a.csv', '--token-env', 'not a name'],
      /--token-env must name an environment variable/,
    ],
    [['run', 'a.csv', '--dry-run=yes'], /--dry-run takes no value/],
  ])('%j', async (args, message) => {
    const { ws } = await withInput();
    // Against the fake always, but for the mistakes about where to send.
    const where = args.some((arg) => arg === '--base-url' || arg === '--region') ? [] : ws.target;
    const result = await ws.run([...args.slice(0, 2), ...where, ...args.slice(2)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('--help" for usage');
    expect(ws.fake.requests).toEqual([]);
  });
});

describe('the access token', () => {
  it.each([
    ['--token', 'value'],
    ['--token=value', undefined],
    ['--api-key', 'value'],
    ['--access-token=value', undefined],
  ])('is refused as a flag (%s), without echoing it', async (flag, value) => {
    const { ws, file } = await withInput();
    const args = ['run', file, flag, ...(value ? [ws.token] : []), ...ws.target];
    const result = await ws.run(args.map((arg) => arg.replace('=value', `=${ws.token}`)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the access token is read from the environment');
    expect(ws.fake.requests).toEqual([]);
  });

  it('is never echoed when pasted in place of the file', async () => {
    const { ws, file } = await withInput();
    const result = await ws.run(['run', file, ws.token, ...ws.target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('one file of actions, but got 2 arguments');
  });

  it('is required in INTERCOM_TOKEN: without it the command names the variable and sends nothing', async () => {
    const { ws, file } = await withInput();
    for (const token of [undefined, '']) {
      const env = {
        PATH: ws.env['PATH'],
        ...(token === undefined ? {} : { INTERCOM_TOKEN: token }),
      };
      const result = await ws.run(['run', file, ...ws.target], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('INTERCOM_TOKEN is not set');
      expect(result.stderr).toContain('--token-env');
    }
    expect(ws.fake.requests).toEqual([]);
  });

  it('comes from the variable --token-env names, in either spelling', async () => {
    const { ws, file } = await withInput();
    const env = { PATH: ws.env['PATH'], SUPPORT_OPS_TOKEN: ws.token };
    const missing = await ws.run(['run', file, '--token-env', 'OTHER', ...ws.target], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('OTHER is not set');

    const result = await ws.run(
      ['run', file, '--token-env=SUPPORT_OPS_TOKEN', '--no-journal', ...ws.target],
      env,
    );
    expect(result.stderr).toBe(
      `conversation-kit: sending 1 of 1 lines of ${file} to ${ws.fake.url}\n`,
    );
    expect(result.code).toBe(0);
    expect(ws.fake.conversations.get('1')?.state).toBe('closed');
  });

  it('is refused, named by its variable and never shown, when it is not a bare token', async () => {
    const { ws, file } = await withInput();
    for (const token of [`Bearer ${ws.token}`, `${ws.token}\n`]) {
      const result = await ws.run(['run', file, ...ws.target], {
        ...ws.env,
        INTERCOM_TOKEN: token,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'INTERCOM_TOKEN holds spaces, line breaks or other characters',
      );
    }
    expect(ws.fake.requests).toEqual([]);
  });

  it('a wrong token fails every line with AuthenticationError, exit 1, and is not shown', async () => {
    const { ws, file } = await withInput();
    const wrong = `${ws.token}x`;
    const result = await ws.run(['run', file, '--no-journal', ...ws.target], {
      ...ws.env,
      INTERCOM_TOKEN: wrong,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('AuthenticationError');
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });
});

describe('the input file', () => {
  it('names a file that cannot be read, and exits 2', async () => {
    const ws = await workspace();
    const missing = await ws.run(['run', ws.path('missing.csv'), ...ws.target]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `cannot read ${ws.path('missing.csv')}: there is no such file`,
    );

    await import('node:fs/promises').then(({ mkdir }) => mkdir(ws.path('folder.csv')));
    const folder = await ws.run(['run', ws.path('folder.csv'), ...ws.target]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder');
  });

  it('refuses a file without actions, or not UTF-8', async () => {
    const ws = await workspace();
    for (const [name, text] of [
      ['empty.csv', ''],
      ['header-only.csv', 'id,action,adminId\r\n'],
      ['blank.jsonl', '\n\n  \n'],
    ] as const) {
      const result = await ws.run(['run', await ws.write(name, text), ...ws.target]);
      expect(result.code, name).toBe(2);
      expect(result.stderr).toContain(`${name} has no actions`);
    }
    const latin1 = ws.path('latin1.csv');
    await ws.write('latin1.csv', '');
    await import('node:fs/promises').then(({ writeFile }) =>
      writeFile(latin1, Buffer.from('id,action,adminId,message\n1,close,1,R\xe9solu\n', 'latin1')),
    );
    const result = await ws.run(['run', latin1, ...ws.target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not UTF-8 text');
    expect(ws.fake.requests).toEqual([]);
  });
});
