import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { JournalError } from '../errors/journal-error.js';

interface Holder {
  pid: number;
  host: string;
  started: string;
}

/**
 * Takes the lock of a journal (`<journal>.lock`), so two runs never write one journal at once,
 * and returns its release. A lock left by a process that no longer runs on this machine (one
 * killed with SIGKILL, say) is taken over. Throws `JournalError` naming the holder otherwise.
 *
 * @example
 * const release = lockJournal('actions.csv.journal');
 * try { … } finally { release(); }
 */
export function lockJournal(journal: string): () => void {
  const lock = `${journal}.lock`;
  const mine: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    if (tryCreate(lock, mine)) break;
    const holder = holderOf(lock);
    if (attempt === 0 && (holder === undefined || isGone(holder))) {
      removeIfStill(lock, holder);
      continue;
    }
    const who = holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.started}` : 'unknown';
    throw new JournalError(
      `another conversation-kit run (${who}) is using the journal ${journal}; wait for it to end. If it is not running any more, delete ${lock}`,
    );
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (holderOf(lock)?.pid === mine.pid) removeIfStill(lock, mine);
  };
  process.on('exit', release);
  return release;
}

// The lock appears whole or not at all: written beside it, then linked into place, which fails
// when it exists.
function tryCreate(lock: string, holder: Holder): boolean {
  const draft = `${lock}.${process.pid}`;
  try {
    writeFileSync(draft, `${JSON.stringify(holder)}\n`);
    linkSync(draft, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new JournalError(`cannot lock the journal: ${(error as Error).message}`);
  } finally {
    try {
      unlinkSync(draft);
    } catch {
      // Already gone.
    }
  }
}

function holderOf(lock: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
    return Number.isSafeInteger(holder.pid) && typeof holder.host === 'string'
      ? (holder as Holder)
      : undefined;
  } catch {
    return undefined;
  }
}

function isGone(holder: Holder): boolean {
  if (holder.host !== hostname()) return false; // Another machine's process cannot be checked.
  if (holder.pid === process.pid) return true; // A lock this process never took: its pid was reused.
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeIfStill(lock: string, holder: Holder | undefined): void {
  const current = holderOf(lock);
  if (current?.pid !== holder?.pid || current?.started !== holder?.started) return;
  try {
    unlinkSync(lock);
  } catch {
    // Someone else removed it first.
  }
}
