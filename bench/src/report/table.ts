/**
 * Prints rows as a plain-text table under a title: text columns left-aligned, numbers right-aligned.
 *
 * @example
 * printTable('Bundle size', ['peer', 'gzip B'], [['ky', 4321]]);
 */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const numeric = header.map((_, column) => rows.every((row) => typeof row[column] === 'number'));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n`);
  console.log(line(cells[0]!));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

/** A number rounded to `digits` decimals, for a table cell. */
export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
