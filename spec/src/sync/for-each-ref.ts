import { pointerOf, segmentsOf } from '../document/json-pointer.js';
import { isJsonObject } from '../document/json-value.js';

// Keys whose value is data, not OpenAPI structure: a `$ref` inside an example is not a reference.
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);

// Keys whose value maps names to objects: there, a key is a name (a property called `example`, a
// response called `default`), never a keyword to skip.
const NAME_MAP_KEYS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'paths',
  'responses',
  'content',
  'headers',
  'encoding',
  'links',
  'callbacks',
  'schemas',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'pathItems',
  'variables',
]);

/**
 * Calls `visit` for every reference inside an OpenAPI value, with the JSON Pointer of the object
 * holding it: each `$ref`, and each schema named by a `discriminator.mapping`. Example values,
 * defaults, enums and constants are data and are not searched.
 *
 * @example
 * forEachRef(operation, '/paths/~1conversations~1{id}~1parts/post', (ref, at) => {
 *   console.log(`${ref} at ${at}`); // '#/components/schemas/conversation at …/schema'
 * });
 */
export function forEachRef(
  value: unknown,
  pointer: string,
  visit: (ref: string, at: string) => void,
): void {
  walk(value, segmentsOf(pointer), false, visit);
}

function walk(
  value: unknown,
  at: string[],
  namesHere: boolean,
  visit: (ref: string, at: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...at, String(index)], false, visit));
    return;
  }
  if (!isJsonObject(value)) return;
  if (!namesHere && typeof value['$ref'] === 'string') visit(value['$ref'], pointerOf(at));
  for (const [key, child] of Object.entries(value)) {
    if (namesHere) {
      walk(child, [...at, key], false, visit);
    } else if (key === '$ref' || DATA_KEYS.has(key)) {
      continue;
    } else if (key === 'examples') {
      // A map of Example Objects (whose `value` is data), or a JSON Schema list of plain values.
      if (!isJsonObject(child)) continue;
      for (const [name, example] of Object.entries(child)) {
        if (isJsonObject(example) && typeof example['$ref'] === 'string') {
          visit(example['$ref'], pointerOf([...at, key, name]));
        }
      }
    } else if (key === 'discriminator' && isJsonObject(child) && isJsonObject(child['mapping'])) {
      for (const [name, target] of Object.entries(child['mapping'])) {
        if (typeof target !== 'string') continue;
        const ref = target.includes('/') ? target : `#/components/schemas/${target}`;
        visit(ref, pointerOf([...at, key, 'mapping', name]));
      }
    } else {
      walk(child, [...at, key], NAME_MAP_KEYS.has(key), visit);
    }
  }
}
