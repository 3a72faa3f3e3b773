import { SingleBar } from 'cli-progress';
import { progressFigures, type ProgressSnapshot } from './progress-snapshot.js';
import type { ProgressView } from './progress-view.js';

/**
 * Progress as a bar redrawn in place on a terminal: done and total, failures, the rate, the time
 * left and the rate-limit budget left, and what the run is doing when it stops.
 *
 * @example
 * startProgressBar(snapshot, process.stderr);
 * // ███████░░░░░░░ 340/1000 | 2 failed | 28.3/s | ETA 24s | rate limit 120/250 left
 */
export function startProgressBar(
  snapshot: () => ProgressSnapshot,
  terminal: NodeJS.WriteStream,
): ProgressView {
  const bar = new SingleBar({
    stream: terminal,
    format:
      '{bar} {value}/{total} | {failed} failed | {rate} | ETA {timeLeft} | rate limit {budget} left{status}',
    barCompleteChar: '\u2588',
    barIncompleteChar: '\u2591',
    barsize: 24,
    fps: 5,
    // A run killed with SIGKILL must not leave the terminal without a cursor.
    hideCursor: false,
    gracefulExit: false,
  });
  // cli-progress computes its own `eta`, which would win over ours in the format.
  const payload = (now: ProgressSnapshot): Record<string, string | number> => {
    const { rate, eta, budget } = progressFigures(now);
    return {
      rate,
      timeLeft: eta,
      budget,
      failed: now.failed,
      status: now.status === undefined ? '' : ` | ${now.status}`,
    };
  };
  const first = snapshot();
  bar.start(first.total, first.done, payload(first));
  const draw = (): void => {
    const now = snapshot();
    bar.update(now.done, payload(now));
  };
  const timer = setInterval(draw, 200);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      draw();
      bar.stop();
    },
  };
}
