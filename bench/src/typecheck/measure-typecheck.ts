import { printTable, round } from '../report/table.js';
import { consumerFile, typeCheckCost, type TypeCheckCost } from './type-check-cost.js';

const CONSUMERS = [
  { name: 'empty', label: 'empty file (baseline)' },
  { name: 'openapi-fetch-import', label: 'only `import type { Client } from openapi-fetch`' },
  { name: 'conversations', label: '(d) @conversation-kit/conversations, 5 actions' },
  { name: 'openapi-fetch', label: '(b) openapi-fetch + paths, 5 actions' },
] as const;

export interface TypeCheckResult extends TypeCheckCost {
  consumer: string;
  /** Instantiations beyond the empty file's: what importing and using the client costs. */
  instantiationsOverEmpty: number;
  /** Instantiations with skipLibCheck true: the consumer's own code, without checking libraries. */
  ownInstantiations: number;
}

/** Type-check cost of each consumer file, with skipLibCheck false and, for attribution, true. */
export async function measureTypeCheck(): Promise<TypeCheckResult[]> {
  const results: TypeCheckResult[] = [];
  let baseline = 0;
  for (const { name, label } of CONSUMERS) {
    const cost = await typeCheckCost(consumerFile(name));
    const own = await typeCheckCost(consumerFile(name), { skipLibCheck: true });
    if (name === 'empty') baseline = cost.instantiations;
    results.push({
      consumer: label,
      ...cost,
      instantiationsOverEmpty: cost.instantiations - baseline,
      ownInstantiations: own.instantiations,
    });
  }
  return results;
}

export function printTypeCheck(results: readonly TypeCheckResult[]): void {
  printTable(
    '4. Type-check cost: tsc 5.9.3 --extendedDiagnostics --noEmit (strict, nodenext, skipLibCheck false)',
    [
      'consumer file',
      'Types',
      'Instantiations',
      'Check time s',
      'Memory MiB',
      'Inst. over empty',
      'Inst. with skipLibCheck',
    ],
    results.map((result) => [
      result.consumer,
      result.types,
      result.instantiations,
      result.checkSeconds,
      round(result.memoryKiB / 1024),
      result.instantiationsOverEmpty,
      result.ownInstantiations,
    ]),
  );
}
