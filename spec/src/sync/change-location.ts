import { HTTP_METHODS } from '../document/find-operation.js';
import type { Side } from './schema-reach.js';

/** Keywords whose value only documents: changing them changes no type and no behaviour. */
export const DOCUMENTATION_KEYWORDS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
]);

/** Which consumers a change concerns: a side of the operation, or the operation as a whole. */
export type ChangeSide = Side | 'operation';

/** Where inside a Schema Object a change lies. */
export interface SchemaPlace {
  /** The keyword the change is under (`properties`, `enum`, `type`…); none for the schema itself. */
  keyword?: string;
  /** With `properties`: the property the change ends at (the property itself was added, removed…). */
  property?: string;
  /** Segments below the keyword (and the property). */
  below: string[];
}

/** What a changed JSON Pointer of an OpenAPI document is about. */
export interface ChangeLocation {
  side: ChangeSide;
  /** Only documentation changed there: a description, summary, title or example. */
  documentation: boolean;
  /** The documentation keyword, when `documentation` is true. */
  documentationKeyword?: string;
  /** With `documentation`: the segments below the keyword (an example's name, then its value). */
  documentationBelow?: string[];
  /** What the place is, in words: "`conversation.priority`", "request body", "parameter 1"… */
  subject: string;
  /** Set when the place is inside a Schema Object. */
  schema?: SchemaPlace;
  /** The kind of OpenAPI object the change is in, when outside any schema. */
  object?: 'parameter' | 'header' | 'request-body' | 'response' | 'operation' | 'path' | 'document';
  /** Segments below that object (empty: the object itself was added, removed or replaced). */
  below: string[];
}

const NAMED_SCHEMAS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);
const SINGLE_SCHEMAS = new Set([
  'items',
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
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/**
 * Tells what a JSON Pointer of a changed place in an OpenAPI document is about: which side of the
 * operation it concerns (component schemas by their reach), whether only documentation changed,
 * and where inside a schema or other OpenAPI object it lies.
 *
 * @example
 * locateChange(['components', 'schemas', 'conversation', 'properties', 'priority', 'enum', '2'], reach);
 * // { side: 'response', documentation: false, subject: '`conversation.priority`',
 * //   schema: { keyword: 'enum', below: ['2'] }, below: [] }
 */
export function locateChange(
  segments: readonly string[],
  reach: Map<string, Side>,
): ChangeLocation {
  const [top, ...rest] = segments;
  if (top === 'components') {
    const [kind, name = '', ...below] = rest;
    const label = `\`${name}\``;
    switch (kind) {
      case 'schemas':
        return inSchema(reach.get(name) ?? 'both', componentSchema(name), below);
      case 'parameters':
        return inParameter('request', `parameter ${label}`, below);
      case 'headers':
        return inParameter('response', `header ${label}`, below);
      case 'responses':
        return inResponse(`response ${label}`, below);
      case 'requestBodies':
        return inRequestBody(`request body ${label}`, below);
      case 'examples':
        return documentation('operation', `example ${label}`, 'examples', [name, ...below]);
      default:
        return other('operation', `${kind ?? 'components'} ${label}`, 'document', below);
    }
  }
  if (top === 'paths') {
    const [path = '', key, ...below] = rest;
    if (key === undefined) return other('operation', `path \`${path}\``, 'path', []);
    if (key === 'parameters') return inParameters(below);
    if (!HTTP_METHODS.includes(key))
      return other('operation', `path \`${path}\``, 'path', [key, ...below]);
    const [field, ...more] = below;
    if (field === 'parameters') return inParameters(more);
    if (field === 'requestBody') return inRequestBody('request body', more);
    if (field === 'responses') {
      const [status = '', ...inside] = more;
      return inResponse(`${status} response`, inside);
    }
    return other('operation', `operation ${key.toUpperCase()} \`${path}\``, 'operation', below);
  }
  if (top === 'info' && rest[0] !== 'version') {
    return documentation('operation', 'info', rest[0] ?? 'info', rest.slice(1));
  }
  return other('operation', top ?? 'the document', 'document', rest);
}

function inSchema(
  side: ChangeSide,
  label: (trail: readonly string[]) => string,
  segments: readonly string[],
): ChangeLocation {
  const trail: string[] = [];
  const place = (schema: SchemaPlace): ChangeLocation => ({
    side,
    documentation: false,
    subject: label(trail),
    schema,
    below: [],
  });
  for (let index = 0; index < segments.length; index += 1) {
    const keyword = segments[index]!;
    const next = segments[index + 1];
    if (DOCUMENTATION_KEYWORDS.has(keyword)) {
      return documentation(side, label(trail), keyword, segments.slice(index + 1));
    }
    if (NAMED_SCHEMAS.has(keyword) && next !== undefined) {
      if (index + 2 === segments.length) return place({ keyword, property: next, below: [] });
      trail.push(next);
      index += 1;
    } else if (SINGLE_SCHEMAS.has(keyword) && next !== undefined) {
      trail.push(keyword === 'items' ? '[]' : keyword);
    } else if (SCHEMA_LISTS.has(keyword) && next !== undefined && index + 2 < segments.length) {
      trail.push(`${keyword}[${next}]`);
      index += 1;
    } else {
      return place({ keyword, below: segments.slice(index + 1) });
    }
  }
  return place({ below: [] });
}

function componentSchema(name: string): (trail: readonly string[]) => string {
  return (trail) => `\`${[name, ...trail].join('.')}\``;
}

function inlineSchema(owner: string): (trail: readonly string[]) => string {
  return (trail) =>
    trail.length > 0 ? `${owner} schema \`${trail.join('.')}\`` : `${owner} schema`;
}

function inParameters(segments: readonly string[]): ChangeLocation {
  const [index = '', ...below] = segments;
  return inParameter('request', `parameter ${index}`, below);
}

// Parameters and headers share their shape: a schema, or content, beside documentation.
function inParameter(side: Side, subject: string, segments: readonly string[]): ChangeLocation {
  const [field, ...below] = segments;
  if (field === undefined)
    return other(side, subject, side === 'request' ? 'parameter' : 'header', []);
  if (DOCUMENTATION_KEYWORDS.has(field)) return documentation(side, subject, field, below);
  if (field === 'schema') return inSchema(side, inlineSchema(subject), below);
  if (field === 'content') return inContent(side, subject, below);
  return other(side, subject, side === 'request' ? 'parameter' : 'header', segments);
}

function inRequestBody(subject: string, segments: readonly string[]): ChangeLocation {
  const [field, ...below] = segments;
  if (field !== undefined && DOCUMENTATION_KEYWORDS.has(field)) {
    return documentation('request', subject, field, below);
  }
  if (field === 'content') return inContent('request', subject, below);
  return other('request', subject, 'request-body', segments);
}

function inResponse(subject: string, segments: readonly string[]): ChangeLocation {
  const [field, name = '', ...below] = segments;
  if (field !== undefined && DOCUMENTATION_KEYWORDS.has(field)) {
    return documentation('response', subject, field, segments.slice(1));
  }
  if (field === 'headers') return inParameter('response', `${subject} header \`${name}\``, below);
  if (field === 'content') return inContent('response', subject, [name, ...below]);
  return other('response', subject, 'response', segments);
}

function inContent(side: Side, subject: string, segments: readonly string[]): ChangeLocation {
  const [mediaType = '', field, ...below] = segments;
  if (field === 'schema') return inSchema(side, inlineSchema(subject), below);
  if (field !== undefined && DOCUMENTATION_KEYWORDS.has(field)) {
    return documentation(side, `${subject} (${mediaType})`, field, below);
  }
  return other(
    side,
    `${subject} (${mediaType})`,
    side === 'request' ? 'request-body' : 'response',
    segments,
  );
}

function documentation(
  side: ChangeSide,
  subject: string,
  keyword: string,
  below: readonly string[],
): ChangeLocation {
  return {
    side,
    documentation: true,
    documentationKeyword: keyword,
    documentationBelow: [...below],
    subject,
    below: [],
  };
}

function other(
  side: ChangeSide,
  subject: string,
  object: NonNullable<ChangeLocation['object']>,
  below: readonly string[],
): ChangeLocation {
  const index = below.findIndex((segment) => DOCUMENTATION_KEYWORDS.has(segment));
  if (index >= 0) return documentation(side, subject, below[index]!, below.slice(index + 1));
  return { side, documentation: false, subject, object, below: [...below] };
}
