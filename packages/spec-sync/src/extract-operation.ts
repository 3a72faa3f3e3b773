import {
  findOperations,
  followRef,
  isJsonObject,
  pointerOf,
  segmentsOf,
  UnresolvedRef,
  walkOpenApi,
  type JsonObject,
  type OpenApiKind,
} from '@conversation-kit/spec/document';
import { openapiFilter } from 'openapi-format';
import { openApiDocument } from './openapi-document.js';
import { UpstreamRefusal } from './upstream-refusal.js';

/**
 * The operation's fragment, cut out of an upstream document, and where the operation was.
 *
 * @example
 * const { fragment, path, method }: ExtractedOperation = await extractOperation(upstream, 'manageConversation');
 */
export interface ExtractedOperation {
  /** A self-contained OpenAPI document holding the operation and everything it references. */
  fragment: JsonObject;
  path: string;
  method: string;
}

// Every kind of component openapi-format can tell is unused; security schemes are pruned below.
const PRUNED_COMPONENTS = [
  'schemas',
  'parameters',
  'examples',
  'headers',
  'requestBodies',
  'responses',
];

/**
 * Cuts one operation, found by `operationId` whatever its path, out of an upstream OpenAPI
 * 3.0.x/3.1.x document with openapi-format's filters: the other operations go, then every
 * component nothing left references (transitively). What openapi-format keeps whole is pruned
 * here: the tags the operation does not use, and the security schemes no requirement names.
 * Upstream's order and text are kept. Throws an `UpstreamRefusal` when the document is not
 * OpenAPI 3.0.x/3.1.x, lacks the operation, holds it twice, or has a `$ref` that does not resolve.
 *
 * @example
 * const { fragment, path, method } = await extractOperation(upstream, 'manageConversation');
 * path; // '/conversations/{conversation_id}/parts'
 * Object.keys(fragment['components'].schemas); // only what the operation needs, in upstream order
 */
export async function extractOperation(
  document: unknown,
  operationId: string,
): Promise<ExtractedOperation> {
  const upstream = openApiDocument(document);
  const found = findOperations(upstream, operationId);
  if (found.length === 0) {
    throw new UpstreamRefusal(`the document has no operation with operationId "${operationId}"`);
  }
  if (found.length > 1) {
    const where = found.map(({ method, path }) => `${method.toUpperCase()} ${path}`).join(', ');
    throw new UpstreamRefusal(`operationId "${operationId}" is used more than once: ${where}`);
  }
  const { path, method, pathItem } = found[0]!;
  if (typeof pathItem['$ref'] === 'string') {
    throw new UpstreamRefusal(`the path item of ${path} is a $ref, which the sync does not follow`);
  }
  // Every reference must resolve before filtering, which would drop a broken one silently.
  checkReferences(upstream, pathItem, path, method);

  const filtered = await openapiFilter(structuredClone(upstream), {
    filterSet: { inverseOperationIds: [operationId], unusedComponents: PRUNED_COMPONENTS },
  });
  const fragment = filtered.data as JsonObject;
  pruneTags(fragment, path, method);
  pruneSecuritySchemes(fragment, path, method);
  return { fragment, path, method };
}

// Follows every reference the operation reaches, transitively, and the scheme of every security
// requirement, refusing the first that does not resolve.
function checkReferences(
  upstream: JsonObject,
  pathItem: JsonObject,
  path: string,
  method: string,
): void {
  const seen = new Set<string>();
  // The operation and the parameters it shares with its path item: not its siblings.
  const reached = { parameters: pathItem['parameters'], [method]: pathItem[method] };
  const pending: Array<[unknown, OpenApiKind, string[]]> = [[reached, 'pathItem', ['paths', path]]];
  while (pending.length > 0) {
    const [node, kind, at] = pending.pop()!;
    walkOpenApi(
      node,
      {
        ref(ref, refKind, refAt) {
          if (seen.has(ref)) return;
          seen.add(ref);
          try {
            const { value, pointer } = followRef(upstream, ref, pointerOf(refAt));
            pending.push([value, refKind, segmentsOf(pointer)]);
          } catch (error) {
            if (error instanceof UnresolvedRef) throw new UpstreamRefusal(error.message);
            throw error;
          }
        },
      },
      kind,
      at,
    );
  }
  const components = upstream['components'];
  const schemes = isJsonObject(components) ? components['securitySchemes'] : undefined;
  for (const { name, at } of securityRequirements(upstream, path, method)) {
    if (!isJsonObject(schemes) || !(name in schemes)) {
      const ref = `#${pointerOf(['components', 'securitySchemes', name])}`;
      throw new UpstreamRefusal(`$ref "${ref}" at ${at} does not resolve`);
    }
  }
}

// The security schemes named by the top-level requirements and the operation's own.
function securityRequirements(
  document: JsonObject,
  path: string,
  method: string,
): Array<{ name: string; at: string }> {
  const paths = document['paths'] as JsonObject;
  const operation = (paths[path] as JsonObject)[method] as JsonObject;
  const named: Array<{ name: string; at: string }> = [];
  for (const [requirements, at] of [
    [document['security'], '/security'],
    [operation['security'], `${pointerOf(['paths', path, method])}/security`],
  ] as const) {
    if (!Array.isArray(requirements)) continue;
    requirements.forEach((requirement, index) => {
      if (!isJsonObject(requirement)) return;
      for (const name of Object.keys(requirement)) named.push({ name, at: `${at}/${index}` });
    });
  }
  return named;
}

// openapi-format keeps every tag; the fragment keeps those its operation uses, or none.
function pruneTags(fragment: JsonObject, path: string, method: string): void {
  const operation = ((fragment['paths'] as JsonObject)[path] as JsonObject)[method] as JsonObject;
  const used = new Set(Array.isArray(operation['tags']) ? operation['tags'] : []);
  const tags = Array.isArray(fragment['tags'])
    ? fragment['tags'].filter((tag) => isJsonObject(tag) && used.has(tag['name']))
    : [];
  if (tags.length > 0) fragment['tags'] = tags;
  else delete fragment['tags'];
}

// openapi-format keeps every security scheme; the fragment keeps those a requirement names.
function pruneSecuritySchemes(fragment: JsonObject, path: string, method: string): void {
  const components = fragment['components'];
  if (!isJsonObject(components) || !isJsonObject(components['securitySchemes'])) return;
  const named = new Set(securityRequirements(fragment, path, method).map(({ name }) => name));
  const kept = Object.entries(components['securitySchemes']).filter(([name]) => named.has(name));
  if (kept.length > 0) components['securitySchemes'] = Object.fromEntries(kept);
  else delete components['securitySchemes'];
}
