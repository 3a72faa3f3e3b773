/**
 * A semantic-versioning bump, as changesets names them.
 *
 * @example
 * const bump: Bump = 'minor';
 */
export type Bump = 'patch' | 'minor' | 'major';

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/**
 * The highest of some bumps, `undefined` when there are none.
 *
 * @example
 * highestBump(['patch', 'major', 'minor']); // 'major'
 * highestBump([]); // undefined
 */
export function highestBump(bumps: Iterable<Bump | undefined>): Bump | undefined {
  let highest: Bump | undefined;
  for (const bump of bumps) {
    if (bump !== undefined && (highest === undefined || RANK[bump] > RANK[highest])) highest = bump;
  }
  return highest;
}

/**
 * Orders bumps from the highest down, for sorting.
 *
 * @example
 * ['minor', 'major'].sort(byBumpDescending); // ['major', 'minor']
 */
export function byBumpDescending(left: Bump, right: Bump): number {
  return RANK[right] - RANK[left];
}
