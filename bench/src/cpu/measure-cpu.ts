import type { ClosedAnswer } from '../fixture/closed-answer.js';
import { inMemoryFetch } from '../fixture/in-memory-fetch.js';
import { checkedCalls, peerLabel } from '../peers.js';
import { median, quantile } from '../report/stats.js';
import { printTable, round } from '../report/table.js';

const WARMUP_CALLS = 3_000;
const ROUNDS = 40;
const CALLS_PER_BATCH = 500;

/** One peer's per-call cost, in microseconds. */
export interface CpuResult {
  peer: string;
  medianUs: number;
  p25Us: number;
  p75Us: number;
  overRawUs: number;
}

async function timeBatch(call: () => Promise<unknown>, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) await call();
  return Number(process.hrtime.bigint() - start) / 1_000 / calls;
}

/**
 * Per-call CPU cost of each client against an in-memory `fetch`. Calls run one after another (each
 * awaited), so the time is the client's own work. Peers run in interleaved rounds, rotating who
 * goes first, so drift on a busy machine (frequency scaling, GC, other processes) falls on all of
 * them alike; the median over rounds is reported.
 */
export async function measureCpu(answer: ClosedAnswer): Promise<CpuResult[]> {
  // Every client sends through its default path, the global fetch, which is in-memory while this
  // runs: a custom `fetch` option costs some clients work (a `Request` per call) apps do not pay.
  const globalFetch = globalThis.fetch;
  globalThis.fetch = inMemoryFetch(answer) as typeof fetch;
  try {
    return await measureCalls(answer);
  } finally {
    globalThis.fetch = globalFetch;
  }
}

async function measureCalls(answer: ClosedAnswer): Promise<CpuResult[]> {
  const calls = await checkedCalls({ baseUrl: 'https://api.intercom.io' }, answer);
  for (const { call } of calls) await timeBatch(call, WARMUP_CALLS);

  const samples = calls.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let offset = 0; offset < calls.length; offset += 1) {
      const index = (round + offset) % calls.length;
      samples[index]!.push(await timeBatch(calls[index]!.call, CALLS_PER_BATCH));
    }
  }

  const raw = median(samples[0]!);
  return calls.map(({ peer }, index) => ({
    peer: peerLabel(peer),
    medianUs: median(samples[index]!),
    p25Us: quantile(samples[index]!, 0.25),
    p75Us: quantile(samples[index]!, 0.75),
    overRawUs: median(samples[index]!) - raw,
  }));
}

export function printCpu(results: readonly CpuResult[]): void {
  const raw = results[0]!.medianUs;
  // (b), openapi-fetch alone, is what the goal for the wrapper's own overhead is measured against.
  const openapiFetch = results[1]!.medianUs;
  printTable(
    `1. Per-call CPU overhead: close() against an in-memory fetch (median of ${ROUNDS} rounds × ${CALLS_PER_BATCH} sequential calls)`,
    ['client', 'µs/call', 'p25–p75 µs', 'over (a) µs', '× (a)', 'over (b) µs'],
    results.map((result) => [
      result.peer,
      round(result.medianUs),
      `${round(result.p25Us)}–${round(result.p75Us)}`,
      round(result.overRawUs),
      round(result.medianUs / raw, 2),
      round(result.medianUs - openapiFetch),
    ]),
  );
}
