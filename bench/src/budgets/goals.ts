import type { Budgets } from './budgets-file.js';
import { printTable } from '../report/table.js';

/** The figures the goals are about; a measure that did not run is left out. */
export interface GoalFigures {
  /** The wrapper's CPU time per call over raw fetch, in µs. */
  cpuOverheadUs?: number | undefined;
  /** The wrapper's loopback calls per second, as a multiple of raw fetch's. */
  throughputRatio?: number | undefined;
  /** The gzipped close() app of the wrapper, in bytes. */
  closeBundleGzipBytes?: number | undefined;
  /** Instantiations of the consumer file's own types (skipLibCheck true). */
  consumerOwnInstantiations?: number | undefined;
}

/** One goal beside its figure. */
export interface GoalRow {
  goal: string;
  target: string;
  measured: string;
  met: boolean;
  /** By how much a missed goal is missed, as the figure's unit says. */
  missedBy: string;
}

/**
 * Each goal of `budgets.json` beside what was measured, and whether it is met. Timings vary from
 * run to run and machine to machine, so they are reported here, never gated in CI; sizes and
 * counts are gated by `check-budgets.ts`.
 *
 * @example
 * printGoals(goalRows(await readBudgets(), { closeBundleGzipBytes: 7_900 }));
 */
export function goalRows(budgets: Budgets, figures: GoalFigures): GoalRow[] {
  const { goals } = budgets;
  const rows: GoalRow[] = [];
  const add = (
    goal: string,
    target: string,
    value: number,
    met: boolean,
    missedBy: string,
  ): void => {
    rows.push({
      goal,
      target,
      measured: String(Math.round(value * 100) / 100),
      met,
      missedBy: met ? '' : missedBy,
    });
  };
  if (figures.throughputRatio !== undefined) {
    const ratio = figures.throughputRatio;
    add(
      'loopback throughput, × raw fetch',
      `≥ ${goals.minThroughputRatio}`,
      ratio,
      ratio >= goals.minThroughputRatio,
      `${(goals.minThroughputRatio - ratio).toFixed(2)}×`,
    );
  }
  if (figures.cpuOverheadUs !== undefined) {
    const us = figures.cpuOverheadUs;
    add(
      'CPU overhead over raw fetch, µs per call',
      `≤ ${goals.maxCpuOverheadUs}`,
      us,
      us <= goals.maxCpuOverheadUs,
      `${(us - goals.maxCpuOverheadUs).toFixed(1)} µs`,
    );
  }
  if (figures.closeBundleGzipBytes !== undefined) {
    const bytes = figures.closeBundleGzipBytes;
    add(
      'close() app, gzip bytes',
      `≤ ${goals.maxCloseBundleGzipBytes}`,
      bytes,
      bytes <= goals.maxCloseBundleGzipBytes,
      `${bytes - goals.maxCloseBundleGzipBytes} B`,
    );
  }
  if (figures.consumerOwnInstantiations !== undefined) {
    const count = figures.consumerOwnInstantiations;
    add(
      'consumer file type check, instantiations',
      `≤ ${goals.maxConsumerOwnInstantiations}`,
      count,
      count <= goals.maxConsumerOwnInstantiations,
      `${count - goals.maxConsumerOwnInstantiations}`,
    );
  }
  return rows;
}

/** Prints the goals table. */
export function printGoals(rows: readonly GoalRow[]): void {
  printTable(
    'Goals (bench/budgets.json)',
    ['goal', 'target', 'measured', 'result'],
    rows.map((row) => [
      row.goal,
      row.target,
      row.measured,
      row.met ? 'met' : `MISSED by ${row.missedBy}`,
    ]),
  );
}
