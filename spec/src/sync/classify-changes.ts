import { isDeepStrictEqual } from 'node:util';
import { diff } from '@useoptic/openapi-utilities';
import { byBumpDescending, highestBump, type Bump } from './bump.js';
import { locateChange, type ChangeLocation, type ChangeSide } from './change-location.js';
import { findOperation } from '../document/find-operation.js';
import { pointerOf, segmentsOf, valueAt } from '../document/json-pointer.js';
import { isJsonObject, type JsonObject } from '../document/json-value.js';
import { schemaReach, type Side } from './schema-reach.js';

/** One change between two effective documents, from consumers' point of view. */
export interface ClassifiedChange {
  /** JSON Pointer of the place: in the new document, or in the previous one for a removal. */
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  /** Who it concerns: what clients send, what they receive, both, or the operation as a whole. */
  side: ChangeSide;
  /** Only documentation changed: a description, summary, title or example. */
  documentation: boolean;
  /** What changed, in words. */
  what: string;
  bump: Bump;
}

type Values = { before: unknown; after: unknown };

/**
 * Compares the previous and the new effective documents with `@useoptic/openapi-utilities`'s
 * `diff` and classifies each change for consumers of the operation: documentation → patch; in a
 * response schema, an added property or enum value (or `required` entry) → minor, a removed
 * property or enum value, a type change or `nullable` added → major; in a request schema, an added
 * optional property or enum value → minor, a new `required` entry or a removed enum value → major;
 * a changed or removed path or operation → major; anything else structural → major.
 *
 * @example
 * const changes = classifyChanges(previousEffective, nextEffective, 'manageConversation');
 * // [{ pointer: '/components/schemas/conversation/properties/priority/enum/2', change: 'added',
 * //    side: 'response', documentation: false, what: 'enum value `urgent` added to …', bump: 'minor' }]
 */
export function classifyChanges(
  before: JsonObject,
  after: JsonObject,
  operationId: string,
): ClassifiedChange[] {
  const previous = findOperation(before, operationId);
  const next = findOperation(after, operationId);
  const changes: ClassifiedChange[] = [];
  let aligned = before;
  if (previous.path !== next.path) {
    // Compare the operation with itself under its new path, and report the move on its own.
    aligned = {
      ...before,
      paths: renameKey(before['paths'] as JsonObject, previous.path, next.path),
    };
    changes.push({
      pointer: pointerOf(['paths', next.path]),
      change: 'changed',
      side: 'operation',
      documentation: false,
      what: `path changed from \`${previous.path}\` to \`${next.path}\``,
      bump: 'major',
    });
  }
  const reachBefore = schemaReach(aligned, operationId);
  const reachAfter = schemaReach(after, operationId);
  const listChanges = new Map<string, ChangeSide>();
  const addedProperties = new Set<string>();

  const entries = diff(aligned, after).map((entry) => {
    const pointer = entry.after ?? entry.before!;
    const change =
      entry.before === undefined ? 'added' : entry.after === undefined ? 'removed' : 'changed';
    const reach =
      change === 'added'
        ? reachAfter
        : change === 'removed'
          ? reachBefore
          : union(reachBefore, reachAfter);
    const location = locateChange(segmentsOf(pointer), reach);
    const values = {
      before: entry.before === undefined ? undefined : at(aligned, entry.before),
      after: entry.after === undefined ? undefined : at(after, entry.after),
    };
    if (change === 'added' && location.schema?.property !== undefined) addedProperties.add(pointer);
    return { pointer, change, location, values } as const;
  });

  const documented = new Set<string>();
  for (const { pointer, change, location, values } of entries) {
    if (location.documentation) {
      // One entry per documented thing (a description, an example), however deep it changed.
      const item = documentedItem(pointer, location);
      if (!documented.has(item.pointer)) {
        documented.add(item.pointer);
        const itemChange = item.whole ? change : 'changed';
        changes.push({
          pointer: item.pointer,
          change: itemChange,
          ...documentationChange(itemChange, location),
        });
      }
      continue;
    }
    const keyword = location.schema?.keyword;
    // Enum values and required entries are sets: compare them as such, once per list.
    if ((keyword === 'enum' && location.schema!.below.length === 1) || keyword === 'required') {
      const list =
        keyword === 'required' && location.schema!.below.length === 0 ? pointer : parentOf(pointer);
      listChanges.set(list, location.side);
      continue;
    }
    const owner =
      location.schema?.property === undefined ? undefined : at(after, parentOf(parentOf(pointer)));
    changes.push({ pointer, change, ...classify(change, location, values, owner) });
  }
  for (const [list, side] of listChanges) {
    changes.push(
      ...setChanges(list, side, aligned, after, reachBefore, reachAfter, addedProperties),
    );
  }
  return changes.sort(
    (left, right) =>
      byBumpDescending(left.bump, right.bump) || left.pointer.localeCompare(right.pointer),
  );
}

function classify(
  change: ClassifiedChange['change'],
  location: ChangeLocation,
  values: Values,
  owner: unknown,
): Pick<ClassifiedChange, 'side' | 'documentation' | 'what' | 'bump'> {
  const { side, subject } = location;
  const result = (what: string, bump: Bump) => ({ side, documentation: false, what, bump });
  const schema = location.schema;
  if (schema) {
    const { keyword, property } = schema;
    if (keyword === undefined) return result(`schema ${subject} ${change}`, 'major');
    if (property !== undefined) {
      if (change !== 'added') {
        return result(
          `property \`${property}\` ${change === 'removed' ? 'removed from' : 'changed in'} ${subject}`,
          'major',
        );
      }
      // A new property is optional unless the schema requires it (then that is a new requirement).
      const required =
        isJsonObject(owner) &&
        Array.isArray(owner['required']) &&
        owner['required'].includes(property);
      const sides = side === 'both' ? ['request', 'response'] : [side];
      const bump = required && sides.includes('request') ? 'major' : 'minor';
      return result(
        `${required ? 'required' : 'optional'} property \`${property}\` added to ${subject}`,
        bump,
      );
    }
    if (keyword === 'type') {
      return result(
        `type ${change} in ${subject} (${show(values.before)} → ${show(values.after)})`,
        'major',
      );
    }
    if (keyword === 'nullable' && values.after === true && values.before !== true) {
      return result(`${subject} became nullable`, 'major');
    }
    return result(`\`${[keyword, ...schema.below].join('/')}\` ${change} in ${subject}`, 'major');
  }
  if (location.object === 'parameter' && location.below.length === 0) {
    const parameter = values.after ?? values.before;
    const name = isJsonObject(parameter)
      ? `parameter \`${String(parameter['name'])}\` (${String(parameter['in'])})`
      : subject;
    if (change !== 'added') return result(`${name} ${change}`, 'major');
    return isJsonObject(parameter) && parameter['required'] === true
      ? result(`required ${name} added`, 'major')
      : result(`optional ${name} added`, 'minor');
  }
  if (location.below.length === 1 && location.below[0] === 'required') {
    return result(`${subject} became ${values.after === true ? 'required' : 'optional'}`, 'major');
  }
  if (location.below.length === 0) return result(`${subject} ${change}`, 'major');
  return result(`\`${location.below.join('/')}\` ${change} in ${subject}`, 'major');
}

// The documented thing a change lies in: the keyword, or with `examples` the named example.
function documentedItem(
  pointer: string,
  location: ChangeLocation,
): { pointer: string; whole: boolean } {
  const below = location.documentationBelow ?? [];
  const kept = location.documentationKeyword === 'examples' ? Math.min(1, below.length) : 0;
  const segments = segmentsOf(pointer);
  const item = segments.slice(0, segments.length - below.length + kept);
  return { pointer: pointerOf(item), whole: item.length === segments.length };
}

function documentationChange(
  change: ClassifiedChange['change'],
  location: ChangeLocation,
): Pick<ClassifiedChange, 'side' | 'documentation' | 'what' | 'bump'> {
  const keyword = location.documentationKeyword ?? 'documentation';
  const [name] = location.documentationBelow ?? [];
  const what =
    keyword === 'examples' && name !== undefined
      ? `example \`${name}\` ${change} in ${location.subject}`
      : `${keyword} ${change} in ${location.subject}`;
  return { side: location.side, documentation: true, what, bump: 'patch' };
}

// Values added to or removed from an enum or a `required` list, each as a change of its own.
function setChanges(
  list: string,
  side: ChangeSide,
  before: JsonObject,
  after: JsonObject,
  reachBefore: Map<string, Side>,
  reachAfter: Map<string, Side>,
  addedProperties: Set<string>,
): ClassifiedChange[] {
  const segments = segmentsOf(list);
  const keyword = segments.at(-1);
  const previous = asList(at(before, list));
  const next = asList(at(after, list));
  const changes: ClassifiedChange[] = [];
  const owner = locateChange(segments, union(reachBefore, reachAfter)).subject;
  const sides = side === 'both' || side === 'operation' ? ['request', 'response'] : [side];
  for (const [values, others, change] of [
    [next, previous, 'added'],
    [previous, next, 'removed'],
  ] as const) {
    values.forEach((value, index) => {
      if (others.some((other) => isDeepStrictEqual(other, value))) return;
      const pointer = pointerOf([...segments, String(index)]);
      if (keyword === 'enum') {
        const bump = change === 'added' ? 'minor' : 'major';
        const what = `enum value ${show(value)} ${change} ${change === 'added' ? 'to' : 'from'} ${owner}`;
        changes.push({ pointer, change, side, documentation: false, what, bump });
        return;
      }
      // A required entry for a property added in the same change was reported with the property.
      const property = pointerOf([...segments.slice(0, -1), 'properties', String(value)]);
      if (change === 'added' && addedProperties.has(property)) return;
      const bump = change === 'added' && !sides.includes('request') ? 'minor' : 'major';
      const what =
        change === 'added'
          ? `\`${String(value)}\` became required in ${owner}`
          : `\`${String(value)}\` is no longer required in ${owner}`;
      changes.push({ pointer, change, side, documentation: false, what, bump });
    });
  }
  return changes;
}

function renameKey(record: JsonObject, from: string, to: string): JsonObject {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key === from ? to : key, value]),
  );
}

function union(left: Map<string, Side>, right: Map<string, Side>): Map<string, Side> {
  const merged = new Map(left);
  for (const [key, side] of right) {
    const known = merged.get(key);
    merged.set(key, known === undefined || known === side ? side : 'both');
  }
  return merged;
}

function at(document: JsonObject, pointer: string): unknown {
  const found = valueAt(document, segmentsOf(pointer));
  return found.found ? found.value : undefined;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function show(value: unknown): string {
  return value === undefined ? 'none' : `\`${JSON.stringify(value)}\``;
}
