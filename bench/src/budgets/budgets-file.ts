import { readFile, writeFile } from 'node:fs/promises';

/** bench/budgets.json: the limits `pnpm bench:budgets` holds the packages to. */
export interface Budgets {
  /** Gzipped bytes (level 9) of the browser app calling close() through the wrapper. */
  closeBundleGzipBytes: number;
  /** Recorded instantiations of the wrapper's consumer file, with skipLibCheck false and true. */
  consumerInstantiations: number;
  consumerOwnInstantiations: number;
  /** How far above a recorded instantiation count a measurement may go (0.1: 10%). */
  maxInstantiationRise: number;
}

export const BUDGETS_FILE = new URL('../../budgets.json', import.meta.url);

export async function readBudgets(): Promise<Budgets> {
  return JSON.parse(await readFile(BUDGETS_FILE, 'utf8')) as Budgets;
}

export async function writeBudgets(budgets: Budgets): Promise<void> {
  await writeFile(BUDGETS_FILE, `${JSON.stringify(budgets, null, 2)}\n`);
}
