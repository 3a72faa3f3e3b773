/**
 * What Ctrl-C (SIGINT) and SIGTERM do during a run: the first stops starting lines and lets those
 * in flight finish; the second aborts those in flight; a third exits at once (every journal
 * record is already on disk, so even that loses nothing).
 *
 * @example
 * const interrupts = watchInterrupts();
 * interrupts.stop.addEventListener('abort', () => say('stopping…'));
 * await conversations.manageMany(items, { stopSignal: interrupts.stop, signal: interrupts.abort });
 * interrupts.dispose();
 */
export interface Interrupts {
  /** Aborted by the first interruption. */
  readonly stop: AbortSignal;
  /** Aborted by the second interruption, or by `abortNow()`. */
  readonly abort: AbortSignal;
  /** The exit code the interruption calls for (130 for SIGINT, 143 for SIGTERM), if any. */
  readonly exitCode: number | undefined;
  /** Stops and aborts without a signal, as when the journal cannot be written. */
  abortNow(): void;
  dispose(): void;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Starts watching for SIGINT and SIGTERM; `dispose()` stops watching.
 *
 * @example
 * const interrupts = watchInterrupts();
 */
export function watchInterrupts(): Interrupts {
  const stop = new AbortController();
  const abort = new AbortController();
  let exitCode: number | undefined;
  let count = 0;
  const onSignal = (signal: keyof typeof EXIT_CODES): void => {
    count += 1;
    exitCode ??= EXIT_CODES[signal];
    if (count === 1) stop.abort();
    else if (count === 2) abort.abort();
    else {
      process.exit(exitCode);
    }
  };
  const onInt = (): void => onSignal('SIGINT');
  const onTerm = (): void => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    stop: stop.signal,
    abort: abort.signal,
    get exitCode() {
      return exitCode;
    },
    abortNow() {
      stop.abort();
      abort.abort();
    },
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
