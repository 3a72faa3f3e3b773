import { findOperations } from '../document/find-operation.js';
import { forEachRef } from './for-each-ref.js';
import { localRefSegments, pointerOf, valueAt } from '../document/json-pointer.js';
import { isJsonObject, type JsonObject } from '../document/json-value.js';
import { UpstreamRefusal } from './upstream-refusal.js';

/** The operation's fragment, cut out of an upstream document, and where the operation was. */
export interface ExtractedOperation {
  /** A self-contained OpenAPI document holding the operation and everything it references. */
  fragment: JsonObject;
  path: string;
  method: string;
}

/**
 * Cuts one operation, found by `operationId` whatever its path, out of an upstream OpenAPI
 * 3.0.x/3.1.x document: `openapi`, `info`, `servers`, top-level `security`, the `tags` it uses, its
 * path item (the operation and any path-level parameters), and in `components` the transitive
 * closure of what it references plus the security schemes its requirements name. Upstream key
 * order is kept, components included. Throws an `UpstreamRefusal` when the document is not
 * OpenAPI 3.0.x/3.1.x, lacks the operation or has a `$ref` that does not resolve.
 *
 * @example
 * const { fragment, path, method } = extractOperation(upstream, 'manageConversation');
 * path; // '/conversations/{conversation_id}/parts'
 * Object.keys(fragment['components'].schemas); // only what the operation needs, in upstream order
 */
export function extractOperation(document: unknown, operationId: string): ExtractedOperation {
  const upstream = checkVersion(document);
  const found = findOperations(upstream, operationId);
  if (found.length === 0) {
    throw new UpstreamRefusal(`the document has no operation with operationId "${operationId}"`);
  }
  if (found.length > 1) {
    const where = found.map(({ method, path }) => `${method.toUpperCase()} ${path}`).join(', ');
    throw new UpstreamRefusal(`operationId "${operationId}" is used more than once: ${where}`);
  }
  const { path, method, pathItem, operation } = found[0]!;
  if (typeof pathItem['$ref'] === 'string') {
    throw new UpstreamRefusal(`the path item of ${path} is a $ref, which the sync does not follow`);
  }

  // The path item keeps the operation and the parameters it shares with its siblings, in order.
  const pathItemOut: JsonObject = {};
  for (const [key, value] of Object.entries(pathItem)) {
    if (key === method || key === 'parameters') pathItemOut[key] = value;
  }

  const schemes = securitySchemeRefs(upstream, operation, pointerOf(['paths', path, method]));
  const needed = closure(
    upstream,
    [{ value: pathItemOut, pointer: pointerOf(['paths', path]) }],
    schemes,
  );
  const components = pick(upstream['components'], needed);

  const usedTags = new Set(Array.isArray(operation['tags']) ? operation['tags'] : []);
  const tags = Array.isArray(upstream['tags'])
    ? upstream['tags'].filter((tag) => isJsonObject(tag) && usedTags.has(tag['name']))
    : [];

  const parts: JsonObject = {
    openapi: upstream['openapi'],
    info: upstream['info'],
    servers: upstream['servers'],
    security: upstream['security'],
    tags: tags.length > 0 ? tags : undefined,
    paths: { [path]: pathItemOut },
    components: Object.keys(components).length > 0 ? components : undefined,
  };
  const fragment: JsonObject = {};
  // Upstream's top-level order first, then whatever upstream lacked (paths, components).
  for (const key of [...Object.keys(upstream), ...Object.keys(parts)]) {
    if (key in parts && parts[key] !== undefined && !(key in fragment)) fragment[key] = parts[key];
  }
  return { fragment, path, method };
}

function checkVersion(document: unknown): JsonObject {
  if (!isJsonObject(document)) {
    throw new UpstreamRefusal('the document is not an OpenAPI document: it is not an object');
  }
  if ('swagger' in document) {
    throw new UpstreamRefusal(
      `the document is Swagger ${String(document['swagger'])}; only OpenAPI 3.0.x and 3.1.x are synced`,
    );
  }
  const version = document['openapi'];
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    throw new UpstreamRefusal(
      `the document declares openapi ${JSON.stringify(version) ?? 'nothing'}; only OpenAPI 3.0.x and 3.1.x are synced`,
    );
  }
  return document;
}

// Every component reachable from some values and references, as `<kind>/<name>` keys; refuses a
// reference that does not resolve, naming it and where it was found.
function closure(
  upstream: JsonObject,
  roots: Array<{ value: unknown; pointer: string }>,
  refs: Array<{ ref: string; at: string }>,
): Set<string> {
  const needed = new Set<string>();
  const pending = [...roots];
  const follow = (ref: string, at: string): void => {
    const segments = localRefSegments(ref);
    if (!segments) {
      throw new UpstreamRefusal(
        `$ref "${ref}" at ${at} does not resolve: only references inside the document are followed`,
      );
    }
    const [top, kind, name] = segments;
    if (top !== 'components' || kind === undefined || name === undefined) {
      throw new UpstreamRefusal(
        `$ref "${ref}" at ${at} does not resolve to a component (#/components/<kind>/<name>)`,
      );
    }
    if (!valueAt(upstream, segments).found) {
      throw new UpstreamRefusal(`$ref "${ref}" at ${at} does not resolve`);
    }
    const key = `${kind}/${name}`;
    if (needed.has(key)) return;
    needed.add(key);
    const component = valueAt(upstream, ['components', kind, name]);
    if (component.found) {
      pending.push({ value: component.value, pointer: pointerOf(['components', kind, name]) });
    }
  };
  for (const { ref, at } of refs) follow(ref, at);
  while (pending.length > 0) {
    const { value, pointer } = pending.pop()!;
    forEachRef(value, pointer, follow);
  }
  return needed;
}

// The security schemes named by the top-level and the operation's security requirements, as
// references to follow.
function securitySchemeRefs(
  upstream: JsonObject,
  operation: JsonObject,
  operationPointer: string,
): Array<{ ref: string; at: string }> {
  const refs: Array<{ ref: string; at: string }> = [];
  for (const [requirements, at] of [
    [upstream['security'], '/security'],
    [operation['security'], `${operationPointer}/security`],
  ] as const) {
    if (!Array.isArray(requirements)) continue;
    requirements.forEach((requirement, index) => {
      if (!isJsonObject(requirement)) return;
      for (const name of Object.keys(requirement)) {
        const pointer = pointerOf(['components', 'securitySchemes', name]);
        refs.push({ ref: `#${encodeURI(pointer)}`, at: `${at}/${index}` });
      }
    });
  }
  return refs;
}

// The needed components, each kind and each name in upstream order.
function pick(components: unknown, needed: Set<string>): JsonObject {
  const picked: JsonObject = {};
  if (!isJsonObject(components)) return picked;
  for (const [kind, entries] of Object.entries(components)) {
    if (!isJsonObject(entries)) continue;
    const kept = Object.entries(entries).filter(([name]) => needed.has(`${kind}/${name}`));
    if (kept.length > 0) picked[kind] = Object.fromEntries(kept);
  }
  return picked;
}
