import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ClosedAnswer } from '../fixture/closed-answer.js';

/** A running loopback server: its URL, and how to stop it. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 20_000;

/**
 * Starts `server.ts` in a child process (through tsx's loader) answering every request with the
 * fixed close answer on 127.0.0.1, on a free port.
 *
 * @example
 * const server = await startLoopbackServer(answer);
 * try { … fetch(`${server.url}/conversations/1/parts`) … } finally { await server.close(); }
 */
export async function startLoopbackServer(answer: ClosedAnswer): Promise<LoopbackServer> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), {
    // tsx's loader by its resolved URL, so the child starts whatever the working directory.
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    if (child.connected) child.send('close');
    const timer = setTimeout(() => child.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    child.send({ body: answer.body, headers: answer.headers });
    const [message] = (await once(child, 'message', {
      signal: AbortSignal.timeout(STARTUP_TIMEOUT_MS),
    })) as [{ port: number }];
    return { url: `http://127.0.0.1:${message.port}`, close: stop };
  } catch (error) {
    child.kill();
    throw error;
  }
}
