import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** What a finished child process did. */
export interface RunResult {
  /** The exit code, or `null` when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kills the process (and its group) if it runs longer; the result then has `signal`. */
  timeoutMs?: number;
  /** Opens descriptor 3 as a pipe too, for a child that reports on it (workerd's --control-fd). */
  pipeFd3?: boolean;
}

// Every child this test file started and that has not exited yet, so afterAll can end them.
const running = new Set<ChildProcess>();

/**
 * The environment a consumer's commands run with: ours, without what `pnpm test` and vitest add
 * (`npm_config_*`, `npm_package_*`, `VITEST_*`…), which would otherwise configure the npm, Node,
 * Bun or Deno that a user runs by hand.
 *
 * @example
 * spawn('npm', ['install'], { env: consumerEnv() });
 */
export function consumerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_script_|vitest|node_env$|tsx_)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/**
 * Starts a process in its own process group, tracked until it exits, so `killAll` (or a
 * timeout) can end it together with anything it started (npx runs the command in a child).
 *
 * @example
 * const child = start('npx', ['conversation-kit-fake'], { cwd: project });
 */
export function start(command: string, args: readonly string[], options: RunOptions): ChildProcess {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env ?? consumerEnv(),
    stdio: options.pipeFd3 ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    detached: true,
  };
  const child = spawn(command, args, spawnOptions);
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => running.delete(child));
  return child;
}

/**
 * Runs a command to completion and resolves to its exit status and output, whatever the status.
 *
 * @example
 * const { code, stdout } = await run('node', ['smoke.mjs'], { cwd: project });
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Runs a command and resolves to its output, or rejects with everything it printed when it fails.
 *
 * @example
 * await runOk('npm', ['install', './a.tgz'], { cwd: project });
 */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) ended with ${result.code ?? result.signal}\n` +
        `--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * Resolves to the first match of `pattern` in what a running child prints on stdout, stderr or
 * descriptor 3 (each read on its own), such as the address a server reports once it listens.
 * Rejects, with everything printed, when the child exits first or `timeoutMs` passes.
 *
 * @example
 * const [url] = await waitForOutput(child, /http:\/\/127\.0\.0\.1:\d+/, 60_000);
 */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const printed = new Map<string, string>();
    const report = (why: string): Error =>
      new Error(
        `${why} before printing ${pattern}:\n` +
          [...printed].map(([name, text]) => `--- ${name}\n${text}`).join('\n'),
      );
    const timer = setTimeout(() => settle(report(`no match in ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      settle(report(`exited (${code ?? signal})`));
    let settled = false;
    const settle = (outcome: RegExpMatchArray | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const streams = { stdout: child.stdout, stderr: child.stderr, 'descriptor 3': child.stdio[3] };
    for (const [name, stream] of Object.entries(streams)) {
      if (!stream || !('setEncoding' in stream)) continue;
      printed.set(name, '');
      // Read on after the match as well, so the child never blocks on a full pipe.
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        if (settled) return;
        printed.set(name, printed.get(name)! + chunk);
        const match = pattern.exec(printed.get(name)!);
        if (match) settle(match);
      });
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      onExit(child.exitCode, child.signalCode);
    } else {
      child.once('exit', onExit);
    }
  });
}

/** Sends a signal to a child's whole process group, if it is still running. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Kills every child still running (with its process group), for afterAll.
 *
 * @example
 * afterAll(killAll);
 */
export async function killAll(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          killGroup(child, 'SIGKILL');
        }),
    ),
  );
}
