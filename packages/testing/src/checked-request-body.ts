import type { ManageConversationRequest } from '@conversation-kit/types';
import type { SchemaValidator } from '@conversation-kit/spec/validator';
import { ApiFailure } from './api-failure.js';

/**
 * Parses a request body and validates it against the request variant its `message_type` names,
 * failing with the 400 `error.list` Intercom gives: `parameter_not_found` for a missing field,
 * `parameter_invalid` for a wrong one, each naming the field (the codes of Intercom's file, for
 * example createMessage's 400 examples, and of the overlay's 400).
 *
 * @example
 * const body = checkedRequestBody(rawBody, validator, variants);
 */
export function checkedRequestBody(
  rawBody: string,
  validator: SchemaValidator,
  variants: ReadonlyMap<string, string>,
): ManageConversationRequest {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new ApiFailure(400, 'parameter_invalid', 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiFailure(400, 'parameter_invalid', 'The request body must be a JSON object');
  }
  const messageType = (body as Record<string, unknown>)['message_type'];
  if (messageType === undefined) {
    throw new ApiFailure(400, 'parameter_not_found', 'message_type is required', 'message_type');
  }
  const variant = typeof messageType === 'string' ? variants.get(messageType) : undefined;
  if (variant === undefined) {
    const known = [...variants.keys()].join(', ');
    throw new ApiFailure(
      400,
      'parameter_invalid',
      `message_type must be one of ${known}`,
      'message_type',
    );
  }
  const [problem] = validator.validateComponent(variant, body);
  if (problem?.missingProperty !== undefined) {
    const field = problem.missingProperty;
    throw new ApiFailure(400, 'parameter_not_found', `${field} is required`, field);
  }
  if (problem) {
    const field = problem.path.split('/')[1] ?? 'body';
    throw new ApiFailure(400, 'parameter_invalid', `${field} ${problem.message}`, field);
  }
  return body as ManageConversationRequest;
}
