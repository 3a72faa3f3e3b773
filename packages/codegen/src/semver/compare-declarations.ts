import { join } from 'node:path';
import ts from 'typescript';
import { comparisonProgram, type ComparisonProgram } from './comparison-program.js';
import type { DeclarationPackage, Version } from './declaration-package.js';
import type { ExportRoles } from './export-roles.js';
import type { ExportedTypeChange } from './exported-type-change.js';
import { probeNames, type ProbeName } from './probe-names.js';
import { propertyPaths } from './property-paths.js';

/**
 * Compares the public declarations of some packages before and after a change with the
 * TypeScript compiler, and lists every type a consumer can name that was added, removed, extended
 * or broken. Each type is checked in the direction its role calls for: an `input` must still
 * accept what it accepted (the old type is assignable to the new one), an `output` must still
 * deliver what it delivered (the new type is assignable to the old one), and neither may lose a
 * property path a consumer could use. Types the change left alone are not listed.
 *
 * @example
 * const changes = compareDeclarations([types, fetch], roles);
 * // [{ package: '@conversation-kit/types', name: 'Conversation', change: 'broken', bump: 'major',
 * //    how: ["no longer delivers what it delivered: Types of property 'priority' are incompatible.", …] }]
 */
export function compareDeclarations(
  packages: readonly DeclarationPackage[],
  roles: ReadonlyMap<string, ExportRoles>,
): ExportedTypeChange[] {
  const compared = comparisonProgram(packages);
  // A module that does not resolve makes its types `any`, which is assignable to everything: the
  // comparison would miss whatever depends on it.
  const unresolved = compared.unresolvedImports();
  if (unresolved.length > 0) {
    throw new Error(
      `The declarations could not be compared: imports resolve to nothing:\n  ${unresolved.join('\n  ')}`,
    );
  }
  const probes: Probe[] = [];
  const changes: ExportedTypeChange[] = [];
  for (const pkg of packages) {
    const before = byName(probeNames(compared, pkg, 'before', roles));
    const after = byName(probeNames(compared, pkg, 'after', roles));
    for (const [name, probe] of before) {
      if (after.has(name)) probes.push({ pkg, before: probe, after: after.get(name)! });
      else changes.push(existence(pkg, probe, 'removed'));
    }
    for (const [name, probe] of after) {
      if (!before.has(name)) changes.push(existence(pkg, probe, 'added'));
    }
  }
  return [...changes, ...assess(compared, probes)];
}

interface Probe {
  pkg: DeclarationPackage;
  before: ProbeName;
  after: ProbeName;
}

function byName(names: ProbeName[]): Map<string, ProbeName> {
  return new Map(names.map((probe) => [probe.name, probe]));
}

function existence(
  pkg: DeclarationPackage,
  probe: ProbeName,
  change: 'added' | 'removed',
): ExportedTypeChange {
  return {
    package: pkg.name,
    name: probe.name,
    role: probe.role,
    change,
    bump: change === 'added' ? 'minor' : 'major',
    how: [change === 'added' ? 'new in this version' : 'no longer exported'],
    ...(probe.reexports === undefined ? {} : { reexports: probe.reexports }),
  };
}

// Every probe becomes two aliases and, for each direction its role calls for, one assignment in a
// file of its own: the compiler's answer for each assignment is the verdict, and its message says how.
function assess(compared: ComparisonProgram, probes: readonly Probe[]): ExportedTypeChange[] {
  if (probes.length === 0) return [];
  const packages = [...new Set(probes.map(({ pkg }) => pkg))];
  const namespace = (pkg: DeclarationPackage, version: Version): string =>
    `${version}${packages.indexOf(pkg)}`;
  const lines = packages.flatMap((pkg) =>
    (['before', 'after'] as const).map((version) => {
      const entry = compared.pathOf(pkg, version, pkg.entry).replace(/(\.d)?\.ts$/, '.js');
      return `import type * as ${namespace(pkg, version)} from ${JSON.stringify(entry)};`;
    }),
  );
  const assignments: Array<{ line: number; probe: number; direction: 'accepts' | 'delivers' }> = [];
  probes.forEach(({ pkg, before, after }, index) => {
    lines.push(`type B${index} = ${before.reference(namespace(pkg, 'before'))};`);
    lines.push(`type A${index} = ${after.reference(namespace(pkg, 'after'))};`);
    if (before.role !== 'output') {
      assignments.push({ line: lines.length, probe: index, direction: 'accepts' });
      lines.push(`export const accepts${index}: A${index} = null as unknown as B${index};`);
    }
    if (before.role !== 'input') {
      assignments.push({ line: lines.length, probe: index, direction: 'delivers' });
      lines.push(`export const delivers${index}: B${index} = null as unknown as A${index};`);
    }
  });

  const file = join(packages[0]!.directory, '.declarations', 'probe.mts');
  const program = compared.withFile(file, `${lines.join('\n')}\n`);
  const source = program.getSourceFile(file)!;
  const failures = new Map<string, string>();
  for (const diagnostic of program.getSemanticDiagnostics(source)) {
    const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const assignment = assignments.find((each) => each.line === line);
    if (!assignment) {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      throw new Error(`The declarations could not be compared: ${lines[line]}\n${text}`);
    }
    failures.set(`${assignment.probe}:${assignment.direction}`, elaboration(diagnostic));
  }

  const checker = program.getTypeChecker();
  const aliases = new Map<string, ts.Type>();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) {
      aliases.set(statement.name.text, checker.getTypeAtLocation(statement.name));
    }
  }
  const isOwnFile = (fileName: string): boolean => compared.ownerOf(fileName) !== undefined;
  const changes: ExportedTypeChange[] = [];
  probes.forEach(({ pkg, before }, index) => {
    const oldType = aliases.get(`B${index}`)!;
    const newType = aliases.get(`A${index}`)!;
    const how: string[] = [];
    for (const direction of ['accepts', 'delivers'] as const) {
      const failure = failures.get(`${index}:${direction}`);
      if (failure !== undefined) {
        const verdict =
          direction === 'accepts'
            ? 'no longer accepts what it accepted'
            : 'no longer delivers what it delivered';
        how.push(failure === '' ? verdict : `${verdict}: ${failure}`);
      }
    }
    const oldPaths = propertyPaths(checker, oldType, isOwnFile);
    const newPaths = propertyPaths(checker, newType, isOwnFile);
    const removed = [...oldPaths].filter((path) => !newPaths.has(path));
    const added = [...newPaths].filter((path) => !oldPaths.has(path));
    how.push(...summarize('removed', outermost(removed)));
    const broken = how.length > 0;
    const same =
      added.length === 0 &&
      checker.isTypeAssignableTo(oldType, newType) &&
      checker.isTypeAssignableTo(newType, oldType);
    if (!broken && same) return;
    how.push(...summarize('added', outermost(added)));
    if (!broken && added.length === 0) how.push('accepts or delivers more values than before');
    changes.push({
      package: pkg.name,
      name: before.name,
      role: before.role,
      change: broken ? 'broken' : 'extended',
      bump: broken ? 'major' : 'minor',
      how,
      ...(before.reexports === undefined ? {} : { reexports: before.reexports }),
    });
  });
  return changes;
}

// The compiler's reasons, from the most specific: the innermost property it names and the
// innermost types it compared. Its first line only names the two aliases, and the
// `import("…/.declarations/before/…")` qualifiers say nothing a reader needs.
function elaboration(diagnostic: ts.Diagnostic): string {
  const lines = ts
    .flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/import\("[^"]*"(, \{[^)]*\})?\)\./g, ''))
    .filter((line) => line !== '' && !UNINFORMATIVE.test(line));
  const property = lines.findLast((line) => PROPERTY.test(line));
  const innermost = lines.at(-1);
  return [...new Set([property, innermost])]
    .filter((line): line is string => line !== undefined)
    .map(shortened)
    .join(' ');
}

const PROPERTY =
  /^(The types of '.+' are incompatible|Types of property '.+' are incompatible|Property '.+' is missing|The types returned by)/;
const UNINFORMATIVE = /^Two different types with this name exist|^Consider adding 'undefined'/;

// Types the compiler prints in full can run to pages; their start is enough to recognise them.
function shortened(line: string): string {
  return line.replace(/'([^']{100})[^']{20,}'/g, "'$1…'");
}

// "property added: `a`", "properties removed: `a`, `b` and 3 more".
function summarize(what: 'added' | 'removed', paths: readonly string[], shown = 6): string[] {
  if (paths.length === 0) return [];
  const listed = paths
    .slice(0, shown)
    .map((path) => `\`${path}\``)
    .join(', ');
  const more = paths.length > shown ? ` and ${paths.length - shown} more` : '';
  return [`${paths.length === 1 ? 'property' : 'properties'} ${what}: ${listed}${more}`];
}

// The paths not inside another of them: a removed object stands for everything it held.
function outermost(paths: readonly string[]): string[] {
  const all = new Set(paths);
  return paths.filter((path) => {
    for (
      let end = path.search(/[.[][^.[]*$/);
      end > 0;
      end = path.slice(0, end).search(/[.[][^.[]*$/)
    ) {
      if (all.has(path.slice(0, end))) return false;
    }
    return true;
  });
}
