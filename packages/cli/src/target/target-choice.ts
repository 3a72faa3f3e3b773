/**
 * Where a run sends: Intercom (by region or base URL, with the token from an environment
 * variable), or a local fake for a rehearsal.
 *
 * @example
 * const choice: TargetChoice = { kind: 'intercom', region: 'eu', baseUrl: undefined, tokenEnv: 'INTERCOM_TOKEN' };
 */
export type TargetChoice =
  | {
      kind: 'intercom';
      region: 'us' | 'eu' | 'au' | undefined;
      baseUrl: string | undefined;
      tokenEnv: string;
    }
  | { kind: 'fake' };

const REGION_URLS = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
} as const;

/**
 * The target as a journal records it: a journal is resumed only against the same target.
 *
 * @example
 * targetName({ kind: 'intercom', region: 'eu', baseUrl: undefined, tokenEnv: 'INTERCOM_TOKEN' }); // 'intercom:eu'
 */
export function targetName(choice: TargetChoice): string {
  if (choice.kind === 'fake') return 'fake';
  if (choice.baseUrl !== undefined) return choice.baseUrl.replace(/\/+$/, '');
  return `intercom:${choice.region ?? 'us'}`;
}

/**
 * The target in words, for people.
 *
 * @example
 * describeTarget({ kind: 'intercom', region: 'eu', baseUrl: undefined, tokenEnv: 'INTERCOM_TOKEN' }); // 'https://api.eu.intercom.io'
 */
export function describeTarget(choice: TargetChoice): string {
  if (choice.kind === 'fake')
    return 'a local fake of Intercom (a rehearsal: nothing reaches Intercom)';
  return choice.baseUrl ?? REGION_URLS[choice.region ?? 'us'];
}
