import type { ClosedAnswer } from '../fixture/closed-answer.js';
import { checkedCalls, peerLabel } from '../peers.js';
import { median } from '../report/stats.js';
import { printTable, round } from '../report/table.js';
import { startLoopbackServer } from './start-server.js';

const CALLS = 2_000;
const CONCURRENCY = 8;
const WARMUP_CALLS = 1_000;
const ROUNDS = 5;

/** One peer's throughput over loopback. */
export interface ThroughputResult {
  peer: string;
  callsPerSecond: number;
  minCallsPerSecond: number;
  maxCallsPerSecond: number;
  ratioToRaw: number;
}

// `calls` calls, at most `concurrency` in flight: each worker takes the next call until none is left.
async function callsPerSecond(call: () => Promise<unknown>, calls: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls) {
      next += 1;
      await call();
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

/**
 * Calls per second of each client against a minimal `node:http` server on 127.0.0.1 with the
 * global fetch (keep-alive), in interleaved rounds; the median round is reported.
 */
export async function measureThroughput(answer: ClosedAnswer): Promise<ThroughputResult[]> {
  const server = await startLoopbackServer(answer);
  try {
    const calls = await checkedCalls({ baseUrl: server.url }, answer);
    for (const { call } of calls) await callsPerSecond(call, WARMUP_CALLS);
    const samples = calls.map((): number[] => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let offset = 0; offset < calls.length; offset += 1) {
        const index = (round + offset) % calls.length;
        samples[index]!.push(await callsPerSecond(calls[index]!.call, CALLS));
      }
    }
    const raw = median(samples[0]!);
    return calls.map(({ peer }, index) => ({
      peer: peerLabel(peer),
      callsPerSecond: median(samples[index]!),
      minCallsPerSecond: Math.min(...samples[index]!),
      maxCallsPerSecond: Math.max(...samples[index]!),
      ratioToRaw: median(samples[index]!) / raw,
    }));
  } finally {
    await server.close();
  }
}

export function printThroughput(results: readonly ThroughputResult[]): void {
  printTable(
    `2. Throughput over loopback: ${CALLS} close() calls, ${CONCURRENCY} in flight, server in a child process (median of ${ROUNDS} rounds)`,
    ['client', 'calls/s', 'min–max', '× (a)'],
    results.map((result) => [
      result.peer,
      Math.round(result.callsPerSecond),
      `${Math.round(result.minCallsPerSecond)}–${Math.round(result.maxCallsPerSecond)}`,
      round(result.ratioToRaw, 2),
    ]),
  );
}
