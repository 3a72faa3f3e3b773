import { pointerOf } from './json-pointer.js';
import { isJsonObject, type JsonObject } from './json-value.js';

/**
 * The HTTP methods a Path Item Object may hold, as OpenAPI 3 names them, in its order.
 *
 * @example
 * HTTP_METHODS.includes('post'); // true
 */
export const HTTP_METHODS: readonly string[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/**
 * Where an operation sits in a document.
 *
 * @example
 * const { path, method, operation }: OperationLocation = findOperation(document, 'manageConversation');
 */
export interface OperationLocation {
  path: string;
  method: string;
  pathItem: JsonObject;
  operation: JsonObject;
  /** JSON Pointer of the operation object. */
  pointer: string;
}

/**
 * Every operation of a document, in document order: paths as the document lists them, and in
 * each path item the methods in OpenAPI's order.
 *
 * @example
 * listOperations(document).map(({ method, path }) => `${method} ${path}`);
 * // ['post /conversations/{id}/parts']
 */
export function listOperations(document: JsonObject): OperationLocation[] {
  const found: OperationLocation[] = [];
  const paths = document['paths'];
  if (!isJsonObject(paths)) return found;
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isJsonObject(operation)) continue;
      found.push({
        path,
        method,
        pathItem,
        operation,
        pointer: pointerOf(['paths', path, method]),
      });
    }
  }
  return found;
}

/**
 * Every operation of a document whose `operationId` is the given one, whatever its path.
 *
 * @example
 * const [found] = findOperations(document, 'manageConversation');
 * found?.path; // '/conversations/{id}/parts'
 */
export function findOperations(document: JsonObject, operationId: string): OperationLocation[] {
  return listOperations(document).filter(
    ({ operation }) => operation['operationId'] === operationId,
  );
}

/**
 * The one operation with the given `operationId`; throws when there is none.
 *
 * @example
 * findOperation(document, 'manageConversation').method; // 'post'
 */
export function findOperation(document: JsonObject, operationId: string): OperationLocation {
  const [found] = findOperations(document, operationId);
  if (!found) throw new Error(`The document has no operation "${operationId}"`);
  return found;
}
