import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { killAll, killGroup, start } from './support/run.js';

// The fake's command as a user runs it from the installed tarball: `npx conversation-kit-fake`.

const { consumer } = inject('installed');

afterAll(killAll);

/** The first line the child prints, or a rejection with what it printed if it exits first. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`exited (${code ?? signal}) before printing a line:\n${stdout}\n${stderr}`)),
    );
    child.once('error', reject);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('npx conversation-kit-fake, from the installed tarball', () => {
  it('prints its URL and token as JSON, closes a seeded conversation, and stops when killed', async () => {
    const child = start(
      'npx',
      ['conversation-kit-fake', '--port', '0', '--admin', '1', '--conversation', '5'],
      { cwd: consumer },
    );
    try {
      const line = await firstLine(child);
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(token).toEqual(expect.any(String));
      expect(token.length).toBeGreaterThan(0);

      const close = (bearer: string): Promise<Response> =>
        fetch(`${url}/conversations/5/parts`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${bearer}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Intercom-Version': '2.12',
          },
          body: JSON.stringify({ message_type: 'close', type: 'admin', admin_id: '1' }),
        });

      const refused = await close(`${token}-wrong`);
      expect(refused.status).toBe(401);
      await refused.body?.cancel();

      const response = await close(token);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        type: 'conversation',
        id: '5',
        state: 'closed',
        open: false,
      });
    } finally {
      killGroup(child, 'SIGTERM');
      await exited(child);
    }
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  });
});
