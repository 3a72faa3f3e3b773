import type { TypeRole } from './type-role.js';

/**
 * What a package's own exports are to the comparison, by export name: a role, a container of
 * openapi-typescript to look into part by part, or `ruled` for generated data whose changes an
 * explicit rule classifies instead of the compiler. Exports it does not name are roled by kind:
 * values `output` (consumers call or read them), types `both`.
 *
 * @example
 * const roles: ExportRoles = new Map([['Conversation', 'output'], ['paths', 'openapi-paths']]);
 */
export type ExportRoles = ReadonlyMap<string, ExportRole>;

/**
 * What one export is to the comparison; see {@link ExportRoles}.
 *
 * @example
 * const role: ExportRole = 'openapi-paths';
 */
export type ExportRole =
  TypeRole | 'ruled' | 'openapi-paths' | 'openapi-operations' | 'openapi-components';
