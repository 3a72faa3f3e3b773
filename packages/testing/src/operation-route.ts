import { findOperation } from '@conversation-kit/spec/document';

/** Where an operation is served: its method and path template, as the document gives them. */
export interface OperationRoute {
  /** Upper case, as it arrives on the wire: `POST`. */
  method: string;
  /** `/conversations/{id}/parts` in 2.12, `/conversations/{conversation_id}/parts` in 2.14. */
  template: string;
  /** The operation object itself. */
  operation: Record<string, any>;
  /**
   * The template's one path parameter, still percent-encoded, when the path (without its query)
   * fits the template; otherwise `undefined`.
   */
  parameterOf(path: string): string | undefined;
}

/**
 * Finds an operation by its `operationId` and turns its path template into a matcher, whatever
 * the template's parameter is called: Intercom renamed `{id}` to `{conversation_id}` in 2.14, and
 * the fake should follow the document rather than a path of its own.
 *
 * @example
 * const route = operationRoute(document, 'manageConversation');
 * route.parameterOf('/conversations/123/parts'); // '123'
 */
export function operationRoute(document: Record<string, any>, operationId: string): OperationRoute {
  const { path: template, method, operation } = findOperation(document, operationId);
  const pattern = patternOf(template);
  return {
    method: method.toUpperCase(),
    template,
    operation,
    parameterOf(path) {
      return pattern.exec(path.split('?')[0]!)?.[1];
    },
  };
}

function patternOf(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/);
  if (parts.length !== 2) {
    throw new Error(`The path ${template} should have exactly one parameter, the conversation id`);
  }
  const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(parts[0]!)}([^/?#]+)${literal(parts[1]!)}$`);
}
