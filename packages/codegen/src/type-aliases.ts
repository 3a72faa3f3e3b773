import { listOperations } from './operations.js';
import { pascalCase, typeAliasName } from './type-alias-name.js';

/**
 * A PascalCase alias the types package declares, and what it names.
 *
 * @example
 * const alias: TypeAlias = { name: 'Tag', origin: { kind: 'schema', schema: 'tag' }, summary: 'A tag.', type: "components['schemas']['tag']" };
 */
export interface TypeAlias {
  name: string;
  /** What it names: a component schema, or an operation's request or success response body. */
  origin:
    { kind: 'schema'; schema: string } | { kind: 'request' | 'response'; operationId: string };
  /** The first line of its TSDoc. */
  summary: string;
  /** The type it stands for, in terms of openapi-typescript's `components` and `operations`. */
  type: string;
}

/**
 * The aliases of the types package, in the order they are declared: one per component schema
 * (`Conversation`), then per operation its request body (`ManageConversationRequest`) and its
 * success response body (`ManageConversationResponse`). Throws when two would share a name.
 *
 * @example
 * typeAliases(document).map(({ name }) => name); // ['IntercomVersion', …, 'ManageConversationResponse']
 */
export function typeAliases(document: Record<string, unknown>): TypeAlias[] {
  const components = (document['components'] ?? {}) as Record<string, unknown>;
  const schemas = (components['schemas'] ?? {}) as Record<string, Record<string, unknown>>;
  const aliases: TypeAlias[] = [];
  const taken = new Map<string, string>();
  const declare = (alias: TypeAlias, origin: string): void => {
    const clash = taken.get(alias.name);
    if (clash) throw new Error(`${origin} and ${clash} would both be named ${alias.name}`);
    taken.set(alias.name, origin);
    aliases.push(alias);
  };

  for (const [schema, node] of Object.entries(schemas)) {
    declare(
      {
        name: typeAliasName(schema),
        origin: { kind: 'schema', schema },
        summary: describe(node) ?? `The \`${schema}\` schema.`,
        type: `components['schemas'][${JSON.stringify(schema)}]`,
      },
      `schema ${schema}`,
    );
  }
  for (const operation of listOperations(document)) {
    const base = pascalCase(operation.operationId);
    const id = JSON.stringify(operation.operationId);
    const call = `\`${operation.method.toUpperCase()} ${operation.path}\` (${operation.summary})`;
    if (operation.hasRequestBody) {
      declare(
        {
          name: `${base}Request`,
          origin: { kind: 'request', operationId: operation.operationId },
          summary: `The JSON request body of ${call}.`,
          type: `NonNullable<operations[${id}]['requestBody']>['content']['application/json']`,
        },
        `${operation.operationId} request body`,
      );
    }
    if (operation.successStatus) {
      declare(
        {
          name: `${base}Response`,
          origin: { kind: 'response', operationId: operation.operationId },
          summary: `The JSON body of a ${operation.successStatus} response to ${call}.`,
          type: `operations[${id}]['responses'][${operation.successStatus}]['content']['application/json']`,
        },
        `${operation.operationId} response`,
      );
    }
  }
  return aliases;
}

function describe(schema: Record<string, unknown>): string | undefined {
  const text = schema['description'] ?? schema['title'];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
