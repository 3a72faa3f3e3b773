import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { highestBump, type Bump } from './bump.js';
import { compareDeclarations } from './compare-declarations.js';
import type { DeclarationPackage } from './declaration-package.js';
import { textDifference, type TextDifference } from './declarations-text.js';
import type { ExportRole } from './export-roles.js';
import type { ExportedTypeChange } from './exported-type-change.js';
import { explicitRuleChanges, type RuleChange, type RuleName } from './explicit-rules.js';
import { packageSources } from './package-sources.js';
import { typesPackageRoles } from './types-package-roles.js';
import { effectiveSpecModule } from '../effective-spec.js';
import { generateFetch } from '../generate-fetch.js';
import { generateTypes } from '../generate-types.js';
import { prepareGeneratedFiles } from '../generated-directory.js';

/**
 * A published package whose release a spec change may call for.
 *
 * @example
 * const fetch: ClassifiedPackage = { name: '@conversation-kit/fetch', directory: '/repo/packages/fetch', entry: 'src/index.ts', generates: 'fetch', rules: ['path', 'servers'] };
 */
export interface ClassifiedPackage {
  name: string;
  /** Its directory on disk, an absolute path. */
  directory: string;
  /** The module that declares its public API, relative to `directory`. */
  entry: string;
  /** What the generator writes into its `src/generated/`, if anything. */
  generates?: 'types' | 'fetch';
  /** The explicit rules its release follows, for what its declarations do not show. */
  rules: readonly RuleName[];
}

/**
 * The release one package needs, and why.
 *
 * @example
 * const verdict: PackageVerdict = { bump: 'patch', reasons: ['only comments of the generated declarations changed (patch)'] };
 */
export interface PackageVerdict {
  bump: Bump | undefined;
  /** One line per reason, in words. */
  reasons: string[];
}

/**
 * What a change of the effective document does to each package, and the findings behind it.
 *
 * @example
 * const { packages, types, rules }: SpecChangeClassification = await classifySpecChange(before, after, published);
 */
export interface SpecChangeClassification {
  packages: Record<string, PackageVerdict>;
  types: ExportedTypeChange[];
  rules: RuleChange[];
}

// The generated data of the fetch package whose changes the explicit rules classify: their literal
// types change with every server URL, path and version, which the compiler would call breaking.
const FETCH_RULED: Array<[string, ExportRole]> = [
  ['operationTable', 'ruled'],
  ['servers', 'ruled'],
  ['Region', 'ruled'],
  ['defaultIntercomVersion', 'ruled'],
];

const PROVENANCE_ONLY =
  'generated declarations unchanged but for their provenance header and spec stamp (patch, so that `conversation-kit-spec check` holds)';

/**
 * Classifies a change of the effective document for every package given, as the compiler of code
 * that uses them sees it: it generates the code of both versions, compares each package's public
 * declarations with {@link compareDeclarations}, and adds what the explicit rules find (API
 * version, default `Intercom-Version`, servers, paths) for the packages that follow them. A
 * package whose generated files changed in comments only, or only in their provenance, gets a
 * patch.
 *
 * @example
 * const { packages } = await classifySpecChange(before, after, [types, fetch, conversations]);
 * packages['@conversation-kit/types']; // { bump: 'minor', reasons: ['`Conversation` extended: property added: `last_activity_at`'] }
 */
export async function classifySpecChange(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  packages: readonly ClassifiedPackage[],
): Promise<SpecChangeClassification> {
  const declarationPackages: DeclarationPackage[] = [];
  const generatedText = new Map<string, TextDifference>();
  for (const pkg of packages) {
    const sources = await packageSources(pkg.directory);
    const generated = async (document: Record<string, unknown>) =>
      pkg.generates === undefined ? {} : generatedFiles(pkg, document);
    const [old, next] = [await generated(before), await generated(after)];
    if (pkg.generates !== undefined) generatedText.set(pkg.name, textDifference(old, next));
    declarationPackages.push({
      name: pkg.name,
      directory: pkg.directory,
      entry: pkg.entry,
      before: { ...sources, ...old },
      after: { ...sources, ...next },
    });
  }
  const roles = new Map<string, ReadonlyMap<string, ExportRole>>();
  for (const pkg of packages) {
    if (pkg.generates === 'types') roles.set(pkg.name, typesPackageRoles([before, after]));
    if (pkg.generates === 'fetch') roles.set(pkg.name, new Map(FETCH_RULED));
  }
  const types = compareDeclarations(declarationPackages, roles);
  const rules = explicitRuleChanges(before, after);

  const verdicts: Record<string, PackageVerdict> = {};
  for (const pkg of packages) {
    const own = types.filter((change) => change.package === pkg.name);
    const followed = rules.filter((change) => pkg.rules.includes(change.rule));
    const reasons = [
      ...own
        .filter((change) => change.reexports === undefined)
        .map(
          (change) =>
            `\`${change.name}\` ${change.change}: ${change.how.join('; ')} (${change.bump})`,
        ),
      ...reexportReasons(own),
      ...followed.map((change) => `${change.what} (${change.bump})`),
    ];
    let bump = highestBump([...own, ...followed].map((change) => change.bump));
    const text = generatedText.get(pkg.name);
    if (
      bump === undefined &&
      (text === 'comments' || text === 'provenance' || text === 'declarations')
    ) {
      bump = 'patch';
      reasons.push(
        text === 'provenance'
          ? PROVENANCE_ONLY
          : text === 'comments'
            ? 'only comments of the generated declarations changed (patch)'
            : 'generated declarations restated, no exported type changed (patch)',
      );
    }
    verdicts[pkg.name] = { bump, reasons };
  }
  return { packages: verdicts, types, rules };
}

// One line per package re-exported, for the changes the reasons list under that package.
function reexportReasons(changes: readonly ExportedTypeChange[]): string[] {
  const byOrigin = new Map<string, ExportedTypeChange[]>();
  for (const change of changes) {
    if (change.reexports === undefined) continue;
    byOrigin.set(change.reexports, [...(byOrigin.get(change.reexports) ?? []), change]);
  }
  return [...byOrigin].map(([origin, reexported]) => {
    const bump = highestBump(reexported.map((change) => change.bump))!;
    const count = `${reexported.length} type${reexported.length === 1 ? '' : 's'}`;
    return `${count} it re-exports from ${origin} changed, as listed there (${bump})`;
  });
}

// The generated TypeScript files of a package for one version of the document, formatted as the
// generator writes them.
async function generatedFiles(
  pkg: ClassifiedPackage,
  document: Record<string, unknown>,
): Promise<Record<string, string>> {
  const spec = {
    document,
    source: effectiveSpecModule(String((document['info'] as { version?: unknown }).version)),
    sha256: createHash('sha256').update(JSON.stringify(document)).digest('hex'),
  };
  const files = pkg.generates === 'types' ? await generateTypes(spec) : generateFetch(spec);
  const directory = join(pkg.directory, 'src', 'generated');
  const prepared = await prepareGeneratedFiles(directory, files);
  return Object.fromEntries(
    Object.entries(prepared)
      .filter(([name]) => name.endsWith('.ts'))
      .map(([name, text]) => [`src/generated/${name}`, text]),
  );
}
