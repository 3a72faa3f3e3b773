/** One operation of the document, as the generated code needs it. */
export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  hasRequestBody: boolean;
  successStatus: string | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Lists the operations of an OpenAPI document in document order. Every operation must have an
 * `operationId`: it names the generated function.
 *
 * @example
 * listOperations(document); // [{ operationId: 'manageConversation', method: 'post', … }]
 */
export function listOperations(document: Record<string, unknown>): OperationEntry[] {
  const operations: OperationEntry[] = [];
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, pathItem] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      const operationId = operation['operationId'];
      if (typeof operationId !== 'string' || operationId === '') {
        throw new Error(`${method.toUpperCase()} ${path} has no operationId to name its function`);
      }
      const responses = Object.keys((operation['responses'] ?? {}) as Record<string, unknown>);
      operations.push({
        operationId,
        method,
        path,
        summary: typeof operation['summary'] === 'string' ? operation['summary'] : operationId,
        hasRequestBody: operation['requestBody'] !== undefined,
        successStatus: responses.find((status) => /^2\d\d$/.test(status)),
      });
    }
  }
  return operations;
}
