export {
  HTTP_METHODS,
  findOperation,
  findOperations,
  listOperations,
  type OperationLocation,
} from './find-operation.js';
export { followRef, resolved, UnresolvedRef } from './follow-ref.js';
export { localRefSegments, pointerOf, segmentsOf, valueAt } from './json-pointer.js';
export { isJsonObject, type JsonObject } from './json-value.js';
export { walkOpenApi, type OpenApiKind, type OpenApiVisitor } from './openapi-walk.js';
