import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The resident memory of another process, in bytes: from `/proc` on Linux, from `ps` elsewhere.
 *
 * @example
 * const bytes = residentBytesOf(child.pid!);
 */
export function residentBytesOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kilobytes !== undefined) return Number(kilobytes) * 1024;
  } catch {
    // No /proc: ask ps.
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) * 1024;
}
