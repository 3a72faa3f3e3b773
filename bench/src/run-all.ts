import { mkdir, writeFile } from 'node:fs/promises';
import { readBudgets } from './budgets/budgets-file.js';
import { goalRows, printGoals } from './budgets/goals.js';
import { measureBundles, printBundles } from './bundle/measure-bundles.js';
import { wrapperBreakdown } from './bundle/wrapper-breakdown.js';
import { measureCpu, printCpu } from './cpu/measure-cpu.js';
import { closedAnswer } from './fixture/closed-answer.js';
import { measureGeneration, printGeneration } from './generation/measure-generation.js';
import { measureThroughput, printThroughput } from './loopback/measure-throughput.js';
import { describeMachine, machineLine } from './report/machine.js';
import { printTable } from './report/table.js';
import { measureTypeCheck, printTypeCheck } from './typecheck/measure-typecheck.js';
import { measureBursts, printBursts } from './bursts/measure-bursts.js';
import { measureSharedBudget, printSharedBudget } from './shared-budget/measure-shared-budget.js';

// `pnpm bench`: every measure in turn, each table printed as soon as it is measured, then all
// the figures with the machine in bench/results/latest.json. Timings are reported, never asserted.

const machine = describeMachine();
console.log(`Machine: ${machineLine(machine)}`);

const answer = await closedAnswer();

const cpu = await measureCpu(answer);
printCpu(cpu);

const throughput = await measureThroughput(answer);
printThroughput(throughput);

const bundles = await measureBundles();
printBundles(bundles);
const breakdown = await wrapperBreakdown();
printTable(
  '3b. Where the bytes of (d) come from: the same app bundled from the sources (largest 8 modules, minified)',
  ['module', 'bytes'],
  breakdown.slice(0, 8).map(({ path, bytes }) => [path, bytes]),
);

const typeCheck = await measureTypeCheck();
printTypeCheck(typeCheck);

const generation = await measureGeneration();
printGeneration(generation);

const bursts = await measureBursts();
printBursts(bursts);
const sharedBudget = await measureSharedBudget();
printSharedBudget(sharedBudget);
// The wrapper is (d); its figures beside the goals of budgets.json.
const wrapper = '(d) @conversation-kit/conversations';
const goals = goalRows(await readBudgets(), {
  cpuOverheadUs: cpu.find((result) => result.peer === wrapper)?.overRawUs,
  throughputRatio: throughput.find((result) => result.peer === wrapper)?.ratioToRaw,
  closeBundleGzipBytes: bundles.find((result) => result.peer === wrapper)?.gzipBytes,
  consumerOwnInstantiations: typeCheck.find((result) => result.consumer.startsWith('(d)'))
    ?.ownInstantiations,
});
printGoals(goals);

const results = new URL('../results/', import.meta.url);
await mkdir(results, { recursive: true });
await writeFile(
  new URL('latest.json', results),
  `${JSON.stringify({ machine, cpu, throughput, bundles, wrapperBreakdown: breakdown, typeCheck, generation, goals, bursts, sharedBudget }, null, 2)}\n`,
);
console.log('\nWrote bench/results/latest.json');
