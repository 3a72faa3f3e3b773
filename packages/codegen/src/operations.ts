import { listOperations as locateOperations } from '@conversation-kit/spec/document';

/** One operation of the document, as the generated code needs it. */
export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  /** The names of its path parameters, in the order the path template holds them. */
  pathParameters: string[];
  summary: string;
  hasRequestBody: boolean;
  successStatus: string | undefined;
}

/**
 * Lists the operations of an OpenAPI document in document order. Every operation must have an
 * `operationId`: it names the generated function.
 *
 * @example
 * listOperations(document); // [{ operationId: 'manageConversation', method: 'post', pathParameters: ['id'], … }]
 */
export function listOperations(document: Record<string, unknown>): OperationEntry[] {
  return locateOperations(document).map(({ path, method, operation }) => {
    const operationId = operation['operationId'];
    if (typeof operationId !== 'string' || operationId === '') {
      throw new Error(`${method.toUpperCase()} ${path} has no operationId to name its function`);
    }
    const responses = Object.keys((operation['responses'] ?? {}) as Record<string, unknown>);
    return {
      operationId,
      method,
      path,
      pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
      summary: typeof operation['summary'] === 'string' ? operation['summary'] : operationId,
      hasRequestBody: operation['requestBody'] !== undefined,
      successStatus: responses.find((status) => /^2\d\d$/.test(status)),
    };
  });
}
