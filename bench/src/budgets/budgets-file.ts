import { readFile, writeFile } from 'node:fs/promises';

/** bench/budgets.json: the limits `pnpm bench:budgets` holds the packages to. */
export interface Budgets {
  /**
   * Gzipped bytes (level 9) of the browser app calling close() through the wrapper: the limit CI
   * holds it to, also read by the consumer tests' bundle test.
   */
  closeBundleGzipBytes: number;
  /** The size that limit is meant to reach (`goals.maxCloseBundleGzipBytes`), shown beside it. */
  closeBundleGzipGoal: number;
  /** Recorded instantiations of the wrapper's consumer file, with skipLibCheck false and true. */
  consumerInstantiations: number;
  consumerOwnInstantiations: number;
  /** How far above a recorded instantiation count a measurement may go (0.1: 10%). */
  maxInstantiationRise: number;
  /** What the wrapper aims for; `pnpm bench` prints each beside its figure. */
  goals: {
    /** Loopback calls per second, as a multiple of raw fetch's. */
    minThroughputRatio: number;
    /** CPU time per call over raw fetch, in µs. */
    maxCpuOverheadUs: number;
    maxCloseBundleGzipBytes: number;
    /** The consumer file's own instantiations (skipLibCheck true); gated as a limit too. */
    maxConsumerOwnInstantiations: number;
  };
}

export const BUDGETS_FILE = new URL('../../budgets.json', import.meta.url);

export async function readBudgets(): Promise<Budgets> {
  return JSON.parse(await readFile(BUDGETS_FILE, 'utf8')) as Budgets;
}

export async function writeBudgets(budgets: Budgets): Promise<void> {
  await writeFile(BUDGETS_FILE, `${JSON.stringify(budgets, null, 2)}\n`);
}
