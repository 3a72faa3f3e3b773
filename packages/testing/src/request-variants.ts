import { followRef } from '@conversation-kit/spec/document';

/**
 * Maps each `message_type` to the component schema of its request variant, read from the
 * operation's `oneOf`, so the fake can validate a body against the variant it claims to be and
 * name the field that is wrong, rather than report every variant's mismatch.
 *
 * @example
 * requestVariants(document, operationRoute(document, 'manageConversation').operation);
 * // Map { 'close' => 'close_conversation_request', … }
 */
export function requestVariants(
  document: Record<string, any>,
  operation: Record<string, any>,
): Map<string, string> {
  const oneOf: Array<{ $ref: string }> =
    operation['requestBody']?.['content']?.['application/json']?.['schema']?.['oneOf'] ?? [];
  const variants = new Map<string, string>();
  for (const { $ref } of oneOf) {
    const { value, pointer } = followRef(document, $ref);
    const name = pointer.replace('/components/schemas/', '');
    const messageTypes: string[] =
      (value as Record<string, any>)['properties']?.['message_type']?.['enum'] ?? [];
    for (const messageType of messageTypes) variants.set(messageType, name);
  }
  if (variants.size === 0) throw new Error('The spec lists no request variants by message_type');
  return variants;
}
