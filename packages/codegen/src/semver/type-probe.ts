import type ts from 'typescript';
import type { TypeRole } from './type-role.js';

/**
 * One type a consumer of a package can name, in one version of it: an exported type, the type of
 * an exported value, or a part of a generated container type (`paths[…]['post']['responses']`).
 *
 * @example
 * const probe: TypeProbe = { name: 'Conversation', role: 'output', type, reference: '.Conversation' };
 */
export interface TypeProbe {
  /** How a consumer names it: `Conversation`, `typeof manageConversation`, `paths["/x"]["post"]["responses"]`. */
  name: string;
  role: TypeRole;
  type: ts.Type;
  /** A type expression for it, to follow an import of the package's entry as a namespace. */
  reference: (namespace: string) => string;
}
