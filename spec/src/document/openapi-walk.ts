import { isJsonObject, type JsonObject } from './json-value.js';
import { HTTP_METHODS } from './find-operation.js';
import { pointerOf } from './json-pointer.js';

/**
 * The kinds of OpenAPI 3.0/3.1 object the walk tells apart.
 *
 * @example
 * const kind: OpenApiKind = 'schema';
 */
export type OpenApiKind =
  | 'document'
  | 'components'
  | 'pathItem'
  | 'operation'
  | 'parameter'
  | 'header'
  | 'requestBody'
  | 'response'
  | 'mediaType'
  | 'encoding'
  | 'schema'
  | 'example'
  | 'link'
  | 'callback'
  | 'securityScheme';

/**
 * What the walk calls back with. Either callback may be left out.
 *
 * @example
 * const visitor: OpenApiVisitor = { enter: (node, kind) => kind === 'schema' && console.log(node) };
 */
export interface OpenApiVisitor {
  /** An object of a known kind, with the segments of its JSON Pointer; not called for a `$ref`. */
  enter?(node: JsonObject, kind: OpenApiKind, at: readonly string[]): void;
  /**
   * A reference: a `$ref` (whose siblings the walk does not enter, as OpenAPI 3.0 ignores them),
   * or a schema named by a `discriminator.mapping`. `at` is where the reference is written.
   */
  ref?(ref: string, kind: OpenApiKind, at: readonly string[]): void;
}

type Children = (
  node: JsonObject,
  visit: (child: unknown, kind: OpenApiKind, key: string[]) => void,
) => void;

const each =
  (field: string, kind: OpenApiKind): Children =>
  (node, visit) => {
    const value = node[field];
    if (isJsonObject(value))
      for (const key of Object.keys(value)) visit(value[key], kind, [field, key]);
  };
const list =
  (field: string, kind: OpenApiKind): Children =>
  (node, visit) => {
    const value = node[field];
    if (Array.isArray(value))
      value.forEach((item, index) => visit(item, kind, [field, String(index)]));
  };
const one =
  (field: string, kind: OpenApiKind): Children =>
  (node, visit) => {
    if (field in node) visit(node[field], kind, [field]);
  };

// Which fields of each kind hold which kinds: OpenAPI 3.0 and 3.1 (webhooks, pathItems, and the
// JSON Schema keywords of 3.1). Data (examples' values, defaults, enums) is never entered.
const CHILDREN: Record<OpenApiKind, Children[]> = {
  document: [
    each('paths', 'pathItem'),
    each('webhooks', 'pathItem'),
    one('components', 'components'),
  ],
  components: [
    each('schemas', 'schema'),
    each('responses', 'response'),
    each('parameters', 'parameter'),
    each('examples', 'example'),
    each('requestBodies', 'requestBody'),
    each('headers', 'header'),
    each('securitySchemes', 'securityScheme'),
    each('links', 'link'),
    each('callbacks', 'callback'),
    each('pathItems', 'pathItem'),
  ],
  pathItem: [
    list('parameters', 'parameter'),
    ...HTTP_METHODS.map((method) => one(method, 'operation')),
  ],
  operation: [
    list('parameters', 'parameter'),
    one('requestBody', 'requestBody'),
    each('responses', 'response'),
    each('callbacks', 'callback'),
  ],
  parameter: [one('schema', 'schema'), each('content', 'mediaType'), each('examples', 'example')],
  header: [one('schema', 'schema'), each('content', 'mediaType'), each('examples', 'example')],
  requestBody: [each('content', 'mediaType')],
  response: [each('headers', 'header'), each('content', 'mediaType'), each('links', 'link')],
  mediaType: [one('schema', 'schema'), each('examples', 'example'), each('encoding', 'encoding')],
  encoding: [each('headers', 'header')],
  callback: [
    (node, visit) => Object.keys(node).forEach((key) => visit(node[key], 'pathItem', [key])),
  ],
  schema: [
    ...['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].map(
      (field) => each(field, 'schema'),
    ),
    ...['allOf', 'anyOf', 'oneOf', 'prefixItems'].map((field) => list(field, 'schema')),
    ...[
      'not',
      'additionalProperties',
      'additionalItems',
      'contains',
      'propertyNames',
      'if',
      'then',
      'else',
      'unevaluatedItems',
      'unevaluatedProperties',
    ].map((field) => one(field, 'schema')),
    // `items` is one schema, or a list of them in older drafts.
    (node, visit) =>
      Array.isArray(node['items'])
        ? list('items', 'schema')(node, visit)
        : one('items', 'schema')(node, visit),
  ],
  example: [],
  link: [],
  securityScheme: [],
};

/**
 * Walks an OpenAPI 3.0/3.1 document, or any object of it, knowing what each field holds: it
 * calls `enter` for every object of a known kind and `ref` for every reference, and never looks
 * into data such as example values, defaults or enums (a `$ref` there is not a reference).
 * References are reported, not followed: {@link followRef} resolves one.
 *
 * @example
 * walkOpenApi(document, {
 *   ref(ref, kind, at) { console.log(`${kind} ${ref} at ${pointerOf(at)}`); },
 * });
 * // schema #/components/schemas/conversation at /paths/~1conversations~1{id}~1parts/post/…/schema
 */
export function walkOpenApi(
  node: unknown,
  visitor: OpenApiVisitor,
  kind: OpenApiKind = 'document',
  at: readonly string[] = [],
): void {
  if (!isJsonObject(node)) return;
  if (typeof node['$ref'] === 'string') {
    visitor.ref?.(node['$ref'], kind, at);
    return;
  }
  visitor.enter?.(node, kind, at);
  if (kind === 'schema') visitDiscriminator(node, visitor, at);
  for (const children of CHILDREN[kind]) {
    children(node, (child, childKind, key) =>
      walkOpenApi(child, visitor, childKind, [...at, ...key]),
    );
  }
}

// A discriminator's mapping names schemas by reference or by bare component name.
function visitDiscriminator(
  node: JsonObject,
  visitor: OpenApiVisitor,
  at: readonly string[],
): void {
  const mapping = isJsonObject(node['discriminator'])
    ? node['discriminator']['mapping']
    : undefined;
  if (!isJsonObject(mapping)) return;
  for (const [name, target] of Object.entries(mapping)) {
    if (typeof target !== 'string') continue;
    const ref = target.includes('/') ? target : `#${pointerOf(['components', 'schemas', target])}`;
    visitor.ref?.(ref, 'schema', [...at, 'discriminator', 'mapping', name]);
  }
}
