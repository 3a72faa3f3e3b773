/**
 * The URI under which a component schema is registered with the validator.
 *
 * @example
 * componentSchemaUri('conversation'); // 'urn:openapi:schema:conversation'
 */
export function componentSchemaUri(name: string): string {
  return `urn:openapi:schema:${name}`;
}

const COMPONENT_SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

// Keywords that OpenAPI 3.0 adds to a Schema Object as annotations only; JSON Schema validators
// reject them in strict mode, and none of them constrains a value.
const ANNOTATION_KEYWORDS = new Set([
  'example',
  'externalDocs',
  'xml',
  'deprecated',
  'discriminator',
]);

// Keywords whose value is a schema, or a list or map of schemas, and so must be converted too.
const SCHEMA_KEYWORDS = new Set(['items', 'not', 'additionalProperties']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);

// Not @openapi-contrib/openapi-schema-to-json-schema (5.1.0): it writes draft-04 (which Ajv 8
// does not take without another package), keeps `x-` extensions (which Ajv's strict mode refuses)
// and the siblings of a `$ref`, and adds `null` to the `enum` of a nullable schema, which OpenAPI
// 3.0.3 says the enum must list itself. What is left to do is this one small walk.

/**
 * Turns an OpenAPI 3.0 Schema Object into a JSON Schema (draft-07) that Ajv validates with the
 * same meaning:
 * - a `$ref` stands alone: OpenAPI 3.0 ignores every sibling of `$ref`, so they are dropped;
 * - `nullable` is left to Ajv, which reads it as OpenAPI 3.0.3 does: it needs `type` beside it,
 *   and an `enum` must list `null` for `null` to pass. Without a `type` it means nothing (3.0.3
 *   says so), and `nullable: false` is the default, so both are dropped;
 * - annotation-only keywords and `x-` extensions are removed.
 *
 * @example
 * toJsonSchema({ $ref: '#/components/schemas/ai_agent', nullable: true });
 * // { $ref: 'urn:openapi:schema:ai_agent' }
 */
export function toJsonSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as Record<string, unknown>;

  if (typeof source['$ref'] === 'string') {
    return { $ref: refToUri(source['$ref']) };
  }

  const converted: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith('x-')) continue;
    if (keyword === 'nullable' && (value !== true || !('type' in source))) continue;
    if (keyword === 'properties') {
      converted[keyword] = mapValues(value as Record<string, unknown>, toJsonSchema);
    } else if (SCHEMA_KEYWORDS.has(keyword)) {
      converted[keyword] = toJsonSchema(value);
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword)) {
      converted[keyword] = (value as unknown[]).map(toJsonSchema);
    } else {
      converted[keyword] = value;
    }
  }
  return converted;
}

function refToUri(ref: string): string {
  const match = COMPONENT_SCHEMA_REF.exec(ref);
  if (!match?.[1]) {
    throw new Error(`Unsupported $ref "${ref}": only #/components/schemas/<name> is resolved`);
  }
  return componentSchemaUri(decodeURIComponent(match[1]));
}

function mapValues(
  record: Record<string, unknown>,
  convert: (value: unknown) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, convert(value)]));
}
