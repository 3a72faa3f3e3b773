import { highestBump, type Bump } from './bump.js';
import type { ClassifiedChange } from './classify-changes.js';

/** The published packages a spec change can call for a release of, in release-note order. */
export const PUBLISHED_PACKAGES = [
  '@conversation-kit/spec',
  '@conversation-kit/types',
  '@conversation-kit/fetch',
  '@conversation-kit/conversations',
  '@conversation-kit/testing',
] as const;

/** One of the published packages. */
export type PublishedPackage = (typeof PUBLISHED_PACKAGES)[number];

/**
 * The release each published package needs for some spec changes:
 * - `spec`, `types` and `fetch` mirror the document: the highest bump of all changes;
 * - `conversations` defines its own request types, so only response-side and documentation
 *   changes reach it: the highest bump among those;
 * - `testing` fakes the endpoint: minor for any structural change, patch for documentation only.
 *
 * No changes, no bumps.
 *
 * @example
 * packageBumps([{ side: 'request', documentation: false, bump: 'major', … }]);
 * // { '@conversation-kit/spec': 'major', '@conversation-kit/types': 'major',
 * //   '@conversation-kit/fetch': 'major', '@conversation-kit/testing': 'minor' }
 */
export function packageBumps(
  changes: readonly Pick<ClassifiedChange, 'side' | 'documentation' | 'bump'>[],
): Partial<Record<PublishedPackage, Bump>> {
  const all = highestBump(changes.map((change) => change.bump));
  const reachingConversations = highestBump(
    changes
      .filter(
        (change) => change.documentation || change.side === 'response' || change.side === 'both',
      )
      .map((change) => change.bump),
  );
  const testing =
    changes.length === 0
      ? undefined
      : changes.some((change) => !change.documentation)
        ? 'minor'
        : 'patch';
  const bumps: Partial<Record<PublishedPackage, Bump>> = {};
  const set = (name: PublishedPackage, bump: Bump | undefined): void => {
    if (bump !== undefined) bumps[name] = bump;
  };
  set('@conversation-kit/spec', all);
  set('@conversation-kit/types', all);
  set('@conversation-kit/fetch', all);
  set('@conversation-kit/conversations', reachingConversations);
  set('@conversation-kit/testing', testing);
  return bumps;
}
