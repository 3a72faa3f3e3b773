import { readFile } from 'node:fs/promises';
import { validateExamples } from '../validator/validate-examples.js';
import { specFiles } from '../spec-files.js';

// Fails when any example in the effective document does not satisfy its own schema.

const document = JSON.parse(await readFile(specFiles.effectiveJson, 'utf8')) as Record<
  string,
  unknown
>;
const report = validateExamples(document);
for (const { pointer, problems } of report.invalid) {
  console.error(`${pointer}\n  ${problems.join('\n  ')}`);
}
console.log(`${report.checked - report.invalid.length} of ${report.checked} examples valid`);
if (report.invalid.length > 0) process.exit(1);
