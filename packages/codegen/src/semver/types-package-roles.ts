import type { ExportRole } from './export-roles.js';
import { schemaReach } from './schema-reach.js';
import { combinedRole, type TypeRole } from './type-role.js';
import { typeAliases } from '../type-aliases.js';

/**
 * The roles of the types package's exports, from the documents it is generated from (both
 * versions, so a schema that changes sides plays both): each schema alias and each
 * `components["schemas"][…]` plays the role its schema's reach gives it, request bodies are
 * `input`, responses `output`, and openapi-typescript's `paths`, `operations` and `components`
 * are looked into part by part.
 *
 * @example
 * typesPackageRoles([before, after]).get('Conversation'); // 'output'
 */
export function typesPackageRoles(
  documents: readonly Record<string, unknown>[],
): Map<string, ExportRole> {
  const roles = new Map<string, ExportRole>([
    ['paths', 'openapi-paths'],
    ['operations', 'openapi-operations'],
    ['components', 'openapi-components'],
  ]);
  const add = (name: string, role: TypeRole): void => {
    const known = roles.get(name) as TypeRole | undefined;
    roles.set(name, combinedRole(known, role));
  };
  for (const document of documents) {
    const reach = schemaReach(document);
    for (const alias of typeAliases(document)) {
      const { origin } = alias;
      if (origin.kind === 'schema') {
        const role = reach.get(origin.schema) ?? 'both';
        add(alias.name, role);
        add(`components[${JSON.stringify('schemas')}][${JSON.stringify(origin.schema)}]`, role);
      } else {
        add(alias.name, origin.kind === 'request' ? 'input' : 'output');
      }
    }
  }
  return roles;
}
