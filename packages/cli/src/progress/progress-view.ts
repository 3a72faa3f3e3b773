/**
 * A running progress display; `stop()` draws it one last time and ends it.
 *
 * @example
 * const view = startProgressLines(snapshot, output.err);
 * await run();
 * view.stop();
 */
export interface ProgressView {
  stop(): void;
}
