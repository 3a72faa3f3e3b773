import { highestBump, type Bump, type SpecChangeClassification } from '@conversation-kit/codegen';
import { PUBLISHED_PACKAGES } from './published-packages.js';

/**
 * The release a package needs, and the reasons, one line each.
 *
 * @example
 * const release: Release = { bump: 'patch', reasons: ["the document's text changed (patch)"] };
 */
export interface Release {
  bump: Bump;
  reasons: string[];
}

/**
 * The release each published package needs for a sync: the spec package a patch whenever the
 * document's text changed, a package without declarations to compare what its explicit rules say
 * (a major with the API version, for one), every other package what the classification found for
 * it. Packages that need none are left out.
 *
 * @example
 * releaseBumps(true, classification);
 * // { '@conversation-kit/spec': { bump: 'patch', reasons: ["the fragment's text changed (patch)"] }, … }
 */
export function releaseBumps(
  textChanged: boolean,
  classification: SpecChangeClassification | undefined,
): Record<string, Release> {
  const releases: Record<string, Release> = {};
  for (const { name, rules, entry } of PUBLISHED_PACKAGES) {
    const verdict = classification?.packages[name];
    const reasons = [...(verdict?.reasons ?? [])];
    const bumps: Array<Bump | undefined> = [verdict?.bump];
    if (name === '@conversation-kit/spec' && textChanged) {
      reasons.push("the document's text changed (patch)");
      bumps.push('patch');
    }
    // The classification applied the rules of the packages it compared; these it could not.
    if (entry === undefined) {
      for (const rule of classification?.rules ?? []) {
        if (!rules.includes(rule.rule)) continue;
        reasons.push(`${rule.what} (${rule.bump})`);
        bumps.push(rule.bump);
      }
    }
    const bump = highestBump(bumps);
    if (bump !== undefined) releases[name] = { bump, reasons };
  }
  return releases;
}
