import type { Bump } from './bump.js';
import { defaultIntercomVersion } from '../intercom-version.js';
import { listOperations } from '../operations.js';
import { listServers } from '../servers.js';

/**
 * The changes the types do not show, each classified by a rule of its own.
 *
 * @example
 * const rules: RuleName[] = ['intercom-version', 'servers'];
 */
export type RuleName = 'api-version' | 'intercom-version' | 'servers' | 'path';

/**
 * One change an explicit rule found between two effective documents.
 *
 * @example
 * const change: RuleChange = { rule: 'servers', what: 'region ca (https://api.ca.intercom.io) added', bump: 'minor' };
 */
export interface RuleChange {
  rule: RuleName;
  what: string;
  bump: Bump;
}

/**
 * The changes between two effective documents that the generated declarations do not show, or do
 * not show as what they are, each with the bump its rule gives a package the rule concerns:
 * - `api-version`: `info.version` changed, the packages move to another API version → major;
 * - `intercom-version`: the default `Intercom-Version` clients send changed → major, every call
 *   now asks for another version's behaviour;
 * - `servers`: a region added → minor; removed, or its URL changed → major (calls go elsewhere);
 *   only its description changed → patch;
 * - `path`: the path or method of an operation changed, or the operation went → major; an
 *   operation added → minor.
 *
 * @example
 * explicitRuleChanges(before, after);
 * // [{ rule: 'path', what: 'manageConversation: POST /conversations/{id}/parts → POST /conversations/{conversation_id}/parts', bump: 'major' }]
 */
export function explicitRuleChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): RuleChange[] {
  const changes: RuleChange[] = [];
  const versionOf = (document: Record<string, unknown>): string =>
    String((document['info'] as { version?: unknown } | undefined)?.version);
  if (versionOf(before) !== versionOf(after)) {
    changes.push({
      rule: 'api-version',
      what: `API version ${versionOf(before)} → ${versionOf(after)}`,
      bump: 'major',
    });
  }
  const [oldDefault, newDefault] = [defaultIntercomVersion(before), defaultIntercomVersion(after)];
  if (oldDefault !== newDefault) {
    changes.push({
      rule: 'intercom-version',
      what: `default Intercom-Version ${oldDefault} → ${newDefault}`,
      bump: 'major',
    });
  }
  changes.push(...serverChanges(before, after), ...pathChanges(before, after));
  return changes;
}

function serverChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): RuleChange[] {
  const byRegion = (document: Record<string, unknown>) =>
    new Map(listServers(document).map((server) => [server.region, server]));
  return keyedChanges(byRegion(before), byRegion(after), {
    removed: (region, server) => [`region ${region} (${server.url}) removed`, 'major'],
    changed: (region, server, next) =>
      next.url !== server.url
        ? [`region ${region} moved from ${server.url} to ${next.url}`, 'major']
        : next.description !== server.description
          ? [`region ${region}: description changed`, 'patch']
          : undefined,
    added: (region, server) => [`region ${region} (${server.url}) added`, 'minor'],
  }).map(([what, bump]) => ({ rule: 'servers', what, bump }));
}

function pathChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): RuleChange[] {
  const byId = (document: Record<string, unknown>) =>
    new Map(listOperations(document).map((entry) => [entry.operationId, entry]));
  const call = (operation: { method: string; path: string }): string =>
    `${operation.method.toUpperCase()} ${operation.path}`;
  return keyedChanges(byId(before), byId(after), {
    removed: (id, operation) => [`${id} (${call(operation)}) removed`, 'major'],
    changed: (id, operation, next) =>
      call(next) !== call(operation)
        ? [`${id}: ${call(operation)} → ${call(next)}`, 'major']
        : undefined,
    added: (id, operation) => [`${id} (${call(operation)}) added`, 'minor'],
  }).map(([what, bump]) => ({ rule: 'path', what, bump }));
}

type Finding = [what: string, bump: Bump];

// What was removed, changed and added between two keyed collections, in that order.
function keyedChanges<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  describe: {
    removed(key: string, old: T): Finding;
    changed(key: string, old: T, next: T): Finding | undefined;
    added(key: string, next: T): Finding;
  },
): Finding[] {
  const findings: Finding[] = [];
  for (const [key, old] of before) {
    const next = after.get(key);
    const finding =
      next === undefined ? describe.removed(key, old) : describe.changed(key, old, next);
    if (finding) findings.push(finding);
  }
  for (const [key, next] of after) if (!before.has(key)) findings.push(describe.added(key, next));
  return findings;
}
