import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, waitFor } from './cli-process.js';

/**
 * The command in a real pseudo-terminal, through util-linux's `script`: the command's stdout and
 * stderr are a terminal, and what is written to `type()` is typed at it (so "\x03" is a real
 * Ctrl-C, turned into SIGINT by the terminal's line discipline).
 */
export class PseudoTerminal {
  readonly child: ChildProcess;
  /** Everything the terminal showed, escape sequences included. */
  screen = '';
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    const quoted = [process.execPath, BIN, ...args].map(
      (arg) => `'${arg.replaceAll("'", "'\\''")}'`,
    );
    const command = `stty cols 160 rows 40; exec ${quoted.join(' ')}`;
    this.child = spawn(
      'script',
      ['--quiet', '--flush', '--return', '--command', command, '/dev/null'],
      {
        cwd: options.cwd,
        env: { ...options.env, SHELL: '/bin/sh', TERM: 'xterm-256color' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.screen += chunk));
    this.exited = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`the terminal did not exit in time:\n${this.screen}`));
      }, 100_000);
      this.child.once('error', reject);
      this.child.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  type(text: string): void {
    this.child.stdin!.write(text);
  }

  async waitForScreen(pattern: RegExp): Promise<void> {
    await waitFor(() => pattern.test(this.screen), {
      what: () => `the terminal to show ${pattern}; it shows:\n${this.screen}`,
      stopIf: () => this.child.exitCode !== null,
    });
  }
}
