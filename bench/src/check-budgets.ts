import { bundleEntry } from './bundle/bundle-entry.js';
import { bundleEntries } from './bundle/measure-bundles.js';
import { readBudgets, writeBudgets } from './budgets/budgets-file.js';
import { goalRows, printGoals } from './budgets/goals.js';
import { typesPackageFiles } from './budgets/types-package-files.js';
import { printTable } from './report/table.js';
import { consumerFile, typeCheckCost } from './typecheck/type-check-cost.js';

// The CI gate: sizes and counts only, which do not vary from run to run, never timings.
// `pnpm bench:budgets --record` writes today's measurements as the new budgets instead.

const record = process.argv.includes('--record');
let budgets = await readBudgets();

const bundle = await bundleEntry(bundleEntries['d']!);
const shipped = await typesPackageFiles();
const javascript = shipped.filter((file) => /\.[cm]?jsx?$/.test(file));
const consumer = consumerFile('conversations');
const checked = await typeCheckCost(consumer);
const own = await typeCheckCost(consumer, { skipLibCheck: true });

if (record) {
  // The bundle gets 10% of headroom; instantiation counts are recorded as they are, since the
  // check allows maxInstantiationRise above them.
  budgets = {
    ...budgets,
    closeBundleGzipBytes: Math.ceil(bundle.gzipBytes * 1.1),
    consumerInstantiations: checked.instantiations,
    consumerOwnInstantiations: own.instantiations,
  };
  await writeBudgets(budgets);
  console.log('Recorded the measurements in bench/budgets.json.');
}

const rise = 1 + budgets.maxInstantiationRise;
const rows: [string, number, number][] = [
  ['close() bundle of the wrapper, gzip bytes', budgets.closeBundleGzipBytes, bundle.gzipBytes],
  ['JavaScript files in the @conversation-kit/types tarball', 0, javascript.length],
  [
    'consumer file instantiations (skipLibCheck false)',
    Math.floor(budgets.consumerInstantiations * rise),
    checked.instantiations,
  ],
  [
    'consumer file instantiations (skipLibCheck true)',
    Math.floor(budgets.consumerOwnInstantiations * rise),
    own.instantiations,
  ],
  [
    'consumer file instantiations (skipLibCheck true), goal',
    budgets.goals.maxConsumerOwnInstantiations,
    own.instantiations,
  ],
];
printTable(
  'Budgets',
  ['budget', 'limit', 'measured', 'result'],
  rows.map(([name, limit, measured]) => [name, limit, measured, measured <= limit ? 'ok' : 'OVER']),
);
// The size goal is shown beside the limit; the timing goals only `pnpm bench` measures.
console.log('');
printGoals(
  goalRows(budgets, {
    closeBundleGzipBytes: bundle.gzipBytes,
    consumerOwnInstantiations: own.instantiations,
  }),
);

if (javascript.length > 0)
  console.log(`\nJavaScript in the types package: ${javascript.join(', ')}`);

const over = rows.filter(([, limit, measured]) => measured > limit);
if (over.length > 0) {
  console.error(`\n${over.length} budget(s) exceeded: ${over.map(([name]) => name).join('; ')}`);
  process.exitCode = 1;
}
