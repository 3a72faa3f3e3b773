import { globalNames } from './global-names.js';

/**
 * The PascalCase name of the alias for a component schema, prefixed with `Intercom` when the
 * plain name is a global one (Intercom's `error` schema would otherwise shadow `Error`).
 *
 * @example
 * typeAliasName('conversation_part'); // 'ConversationPart'
 * typeAliasName('error'); // 'IntercomError'
 */
export function typeAliasName(schemaName: string): string {
  const name = pascalCase(schemaName);
  return globalNames().has(name) ? `Intercom${name}` : name;
}

/**
 * Joins the words of a snake_case, kebab-case, dotted or camelCase name in PascalCase.
 *
 * @example
 * pascalCase('manageConversation'); // 'ManageConversation'
 */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
