import { performance } from 'node:perf_hooks';
import { generateTypes, loadEffectiveSpec } from '@conversation-kit/codegen';
import { median } from '../report/stats.js';
import { printTable, round } from '../report/table.js';
import { scaledSpec } from './scaled-spec.js';

// Fewer runs as the spec grows, so the largest stays within seconds; each size is warmed up once.
const SIZES = [
  { copies: 1, runs: 9 },
  { copies: 10, runs: 5 },
  { copies: 100, runs: 3 },
] as const;

export interface GenerationResult {
  size: string;
  operations: number;
  schemas: number;
  inputKiB: number;
  outputKiB: number;
  medianMs: number;
  msPerOperation: number;
}

/**
 * Time of the codegen's `generateTypes` (openapi-typescript, then the schema aliases) on the
 * effective document and on synthetic documents 10 and 100 times its size.
 */
export async function measureGeneration(): Promise<GenerationResult[]> {
  const effective = await loadEffectiveSpec();
  const results: GenerationResult[] = [];
  for (const { copies, runs } of SIZES) {
    const document = scaledSpec(effective.document, copies);
    const spec = { ...effective, document };
    const files = await generateTypes(spec);
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      await generateTypes(spec);
      times.push(performance.now() - start);
    }
    const schemas = Object.keys((document['components'] as { schemas: object }).schemas).length;
    results.push({
      size: `${copies}×`,
      operations: copies,
      schemas,
      inputKiB: Buffer.byteLength(JSON.stringify(document)) / 1024,
      outputKiB:
        Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1024,
      medianMs: median(times),
      msPerOperation: median(times) / copies,
    });
  }
  return results;
}

export function printGeneration(results: readonly GenerationResult[]): void {
  const base = results[0]!.medianMs;
  printTable(
    '5. Generation cost: generateTypes() of @conversation-kit/codegen on the effective spec and synthetic 10× / 100× specs (median)',
    ['spec', 'operations', 'schemas', 'input KiB', 'output KiB', 'ms', 'ms/operation', '× (1×)'],
    results.map((result) => [
      result.size,
      result.operations,
      result.schemas,
      round(result.inputKiB),
      round(result.outputKiB),
      round(result.medianMs),
      round(result.msPerOperation, 2),
      round(result.medianMs / base, 1),
    ]),
  );
}
