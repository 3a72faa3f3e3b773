import { findOperation } from '../document/find-operation.js';
import { forEachRef } from './for-each-ref.js';
import { localRefSegments, pointerOf, valueAt } from '../document/json-pointer.js';
import type { JsonObject } from '../document/json-value.js';

/** Which side of an operation a schema shapes: what clients send, what they receive, or both. */
export type Side = 'request' | 'response' | 'both';

/**
 * For each component schema an operation uses, whether it is reachable from what clients send
 * (parameters and request body) or from what they receive (responses and their headers), following
 * `$ref`s through every kind of component.
 *
 * @example
 * const reach = schemaReach(effective, 'manageConversation');
 * reach.get('assign_conversation_request'); // 'request'
 * reach.get('conversation'); // 'response'
 */
export function schemaReach(document: JsonObject, operationId: string): Map<string, Side> {
  const { path, pathItem, operation, pointer } = findOperation(document, operationId);
  const request = reachableSchemas(document, [
    [pathItem['parameters'], pointerOf(['paths', path, 'parameters'])],
    [operation['parameters'], `${pointer}/parameters`],
    [operation['requestBody'], `${pointer}/requestBody`],
  ]);
  const response = reachableSchemas(document, [[operation['responses'], `${pointer}/responses`]]);
  const reach = new Map<string, Side>();
  for (const name of request) reach.set(name, response.has(name) ? 'both' : 'request');
  for (const name of response) if (!request.has(name)) reach.set(name, 'response');
  return reach;
}

function reachableSchemas(document: JsonObject, roots: Array<[unknown, string]>): Set<string> {
  const schemas = new Set<string>();
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const [value, at] = pending.pop()!;
    forEachRef(value, at, (ref) => {
      const segments = localRefSegments(ref);
      const [top, kind, name] = segments ?? [];
      if (top !== 'components' || kind === undefined || name === undefined) return;
      if (kind === 'schemas') schemas.add(name);
      const key = pointerOf([kind, name]);
      if (seen.has(key)) return;
      seen.add(key);
      const component = valueAt(document, ['components', kind, name]);
      if (component.found) pending.push([component.value, pointerOf(['components', kind, name])]);
    });
  }
  return schemas;
}
