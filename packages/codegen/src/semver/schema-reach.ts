import {
  followRef,
  isJsonObject,
  listOperations,
  localRefSegments,
  walkOpenApi,
  type JsonObject,
  type OpenApiKind,
} from '@conversation-kit/spec/document';
import { combinedRole, type TypeRole } from './type-role.js';

/**
 * For each component schema the document's operations use, the role it plays: `input` when only
 * what clients send reaches it (parameters, request bodies), `output` when only what they receive
 * does (responses, their headers), `both` when both do. `$ref`s are followed through every kind of
 * component.
 *
 * @example
 * const reach = schemaReach(document);
 * reach.get('assign_conversation_request'); // 'input'
 * reach.get('conversation'); // 'output'
 */
export function schemaReach(document: JsonObject): Map<string, TypeRole> {
  const reach = new Map<string, TypeRole>();
  for (const { pathItem, operation } of listOperations(document)) {
    const parameters = [pathItem['parameters'], operation['parameters']].flatMap((list) =>
      Array.isArray(list) ? list.map((parameter): Root => [parameter, 'parameter']) : [],
    );
    const responses = isJsonObject(operation['responses'])
      ? Object.values(operation['responses'])
      : [];
    const sides: Array<[TypeRole, Root[]]> = [
      ['input', [...parameters, [operation['requestBody'], 'requestBody']]],
      ['output', responses.map((response): Root => [response, 'response'])],
    ];
    for (const [role, roots] of sides) {
      for (const name of reachedSchemas(document, roots))
        reach.set(name, combinedRole(reach.get(name), role));
    }
  }
  return reach;
}

type Root = [unknown, OpenApiKind];

function reachedSchemas(document: JsonObject, roots: Root[]): Set<string> {
  const schemas = new Set<string>();
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const [node, kind] = pending.pop()!;
    walkOpenApi(
      node,
      {
        ref(ref, refKind) {
          if (seen.has(ref)) return;
          seen.add(ref);
          const [top, components, name] = localRefSegments(ref) ?? [];
          if (top === 'components' && components === 'schemas' && name !== undefined)
            schemas.add(name);
          pending.push([followRef(document, ref).value, refKind]);
        },
      },
      kind,
    );
  }
  return schemas;
}
