import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The published command, as npm links it: the bin script, which loads the built CLI. */
export const BIN = fileURLToPath(new URL('../../bin/conversation-kit.js', import.meta.url));

/** How a run of the command ended, with everything it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Generous: the machine is shared, and a run paced by a rate limit takes seconds by design. */
const EXIT_TIMEOUT_MS = 100_000;

/**
 * The command running as a child process: its output so far, a bounded wait for some output,
 * and its exit.
 */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<CliResult>;

  constructor(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(
          new Error(
            `conversation-kit ${args.join(' ')} did not exit in time:\n${this.stdout}\n${this.stderr}`,
          ),
        );
      }, EXIT_TIMEOUT_MS);
      this.child.once('error', reject);
      this.child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout: this.stdout, stderr: this.stderr });
      });
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Waits until stderr or stdout matches, or fails naming what it printed. */
  async waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    await waitFor(() => pattern.test(this.stdout + this.stderr), {
      timeoutMs,
      what: () => `output matching ${pattern}; so far:\n${this.stdout}\n${this.stderr}`,
      stopIf: () => !this.running,
    });
  }
}

/**
 * Polls until a condition holds, for at most `timeoutMs`; fails naming what it waited for, and at
 * once if `stopIf` says it never will.
 *
 * @example
 * await waitFor(() => fake.requests.length >= 4, { what: () => 'four requests' });
 */
export async function waitFor(
  condition: () => boolean,
  options: { timeoutMs?: number; what: () => string; stopIf?: () => boolean },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!condition()) {
    if (options.stopIf?.() && !condition())
      throw new Error(`Gave up waiting for ${options.what()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
