import { elapsedStamp, progressFigures, type ProgressSnapshot } from './progress-snapshot.js';
import type { ProgressView } from './progress-view.js';

const AT_MOST_EVERY_MS = 1_000;
// While nothing changes (a long rate-limit wait), a line now and then says the run is alive.
const QUIET_LINE_EVERY_MS = 10_000;

/**
 * Progress as plain lines for logs (no terminal): at most one a second, and only when something
 * changed, or every ten seconds while nothing does. Each line starts with the time elapsed.
 *
 * @example
 * startProgressLines(snapshot, output.err);
 * // [00:12] 340/1000 done, 2 failed, 28.3/s, ETA 24s, rate limit 120/250 left
 */
export function startProgressLines(
  snapshot: () => ProgressSnapshot,
  write: (line: string) => void,
): ProgressView {
  let last: { elapsedMs: number; key: string } | undefined;
  const tick = (): void => {
    const now = snapshot();
    const key = `${now.done}/${now.failed}/${now.status ?? ''}`;
    const since = last === undefined ? now.elapsedMs : now.elapsedMs - last.elapsedMs;
    if (since < AT_MOST_EVERY_MS) return;
    if (last !== undefined && key === last.key && since < QUIET_LINE_EVERY_MS) return;
    last = { elapsedMs: now.elapsedMs, key };
    write(progressLine(now));
  };
  const timer = setInterval(tick, 250);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * One plain progress line.
 *
 * @example
 * progressLine(snapshot); // '[00:12] 340/1000 done, 2 failed, 28.3/s, ETA 24s, rate limit 120/250 left'
 */
export function progressLine(snapshot: ProgressSnapshot): string {
  const { rate, eta, budget } = progressFigures(snapshot);
  const status = snapshot.status === undefined ? '' : ` (${snapshot.status})`;
  return `${elapsedStamp(snapshot.elapsedMs)} ${snapshot.done}/${snapshot.total} done, ${snapshot.failed} failed, ${rate}, ETA ${eta}, rate limit ${budget} left${status}`;
}
