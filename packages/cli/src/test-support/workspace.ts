import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startFakeIntercom,
  type FakeIntercom,
  type FakeIntercomOptions,
} from '@conversation-kit/testing';
import { expect, onTestFinished } from 'vitest';
import { CliProcess, type CliResult } from './cli-process.js';
import { PseudoTerminal } from './pseudo-terminal.js';

export const ADMIN = '991267';
export const OTHER_ADMIN = '814860';
export const TEAM = '5017691';

/**
 * One test's world: a folder for the input, journal and reports, a fake of Intercom started in
 * the test process (so it outlives a killed command), and the command run against it with the
 * fake's token in its environment. When the test ends, every process is stopped and the token is
 * looked for in everything the command printed and every file in the folder: it must be nowhere.
 */
export interface Workspace {
  dir: string;
  fake: FakeIntercom;
  token: string;
  /** The environment the command gets: PATH and INTERCOM_TOKEN. */
  env: NodeJS.ProcessEnv;
  /** `--base-url <the fake>`. */
  target: string[];
  path(name: string): string;
  write(name: string, text: string): Promise<string>;
  /** Starts the command with these arguments. */
  start(args: readonly string[], env?: NodeJS.ProcessEnv): CliProcess;
  /** Runs the command to its end. */
  run(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** Starts the command in a pseudo-terminal. */
  terminal(args: readonly string[]): PseudoTerminal;
}

/**
 * Creates a workspace for the current test, cleaned up when it finishes.
 *
 * @example
 * const ws = await workspace({ conversations: [{ id: '1' }] });
 * const result = await ws.run(['run', await ws.write('a.csv', csv), ...ws.target]);
 */
export async function workspace(options: FakeIntercomOptions = {}): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'conversation-kit-cli-'));
  // A token no output could contain by chance, and which looks like one.
  const token = `dG9rOm${randomBytes(18).toString('hex')}`;
  const fake = await startFakeIntercom({
    token,
    admins: [ADMIN, OTHER_ADMIN],
    teams: [TEAM],
    ...options,
  });
  const env = { PATH: process.env['PATH'] ?? '', LANG: 'C.UTF-8', INTERCOM_TOKEN: token };
  const processes: CliProcess[] = [];
  const terminals: PseudoTerminal[] = [];
  onTestFinished(async () => {
    for (const child of processes) child.kill('SIGKILL');
    for (const terminal of terminals) terminal.child.kill('SIGKILL');
    await Promise.allSettled([...processes, ...terminals].map((child) => child.exited));
    await fake.close();
    try {
      for (const child of processes) {
        expect(child.stdout, 'stdout').not.toContain(token);
        expect(child.stderr, 'stderr').not.toContain(token);
      }
      for (const terminal of terminals) expect(terminal.screen, 'terminal').not.toContain(token);
      for (const file of filesIn(dir)) {
        expect(readFileSync(file, 'latin1'), file).not.toContain(token);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  const start = (args: readonly string[], extraEnv: NodeJS.ProcessEnv = env): CliProcess => {
    const child = new CliProcess(args, { cwd: dir, env: extraEnv });
    processes.push(child);
    return child;
  };
  return {
    dir,
    fake,
    token,
    env,
    target: ['--base-url', fake.url],
    path: (name) => join(dir, name),
    async write(name, text) {
      await writeFile(join(dir, name), text);
      return join(dir, name);
    },
    start,
    run: (args, extraEnv) => start(args, extraEnv).exited,
    terminal(args) {
      const terminal = new PseudoTerminal(args, { cwd: dir, env });
      terminals.push(terminal);
      return terminal;
    },
  };
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
