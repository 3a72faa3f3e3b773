import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/conversation-kit-fake.js', import.meta.url));
const builtCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** How the command ended, with everything it printed. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running `conversation-kit-fake`. */
export interface FakeCommand {
  process: ChildProcess;
  exited: Promise<Exit>;
  firstLine: Promise<string>;
}

const running = new Set<ChildProcess>();

/**
 * Starts the published command (`bin/conversation-kit-fake.js`, which runs the built CLI) with
 * these arguments, collecting its output; `killFakeCommands()` ends whatever is left.
 *
 * @example
 * const run = startFakeCommand(['--admin', '1']);
 * const { url, token } = JSON.parse(await run.firstLine);
 */
export function startFakeCommand(args: string[]): FakeCommand {
  if (!existsSync(builtCli)) {
    throw new Error('The CLI is not built: run `pnpm build` in packages/testing first');
  }
  const started = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(started);
  let stdout = '';
  let stderr = '';
  started.stdout!.setEncoding('utf8');
  started.stderr!.setEncoding('utf8');
  started.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve, reject) => {
    started.once('error', reject);
    started.once('close', (code, signal) => {
      running.delete(started);
      resolve({ code, signal, stdout, stderr });
    });
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

/** Kills every command `startFakeCommand` started that is still running; for `afterEach`. */
export function killFakeCommands(): void {
  for (const child of running) child.kill('SIGKILL');
}
