/**
 * Which of the two versions compared a file belongs to.
 *
 * @example
 * const version: Version = 'after';
 */
export type Version = 'before' | 'after';

/**
 * A package whose public declarations are compared before and after a change: its source files
 * as they were and as they would be, keyed by their path relative to the package directory.
 * Modules the files import resolve from the real package directory (its `node_modules`), except
 * the other packages compared, which resolve to their own files of the same version.
 *
 * @example
 * const types: DeclarationPackage = {
 *   name: '@conversation-kit/types',
 *   directory: '/repo/packages/types',
 *   entry: 'src/index.d.ts',
 *   before: { 'src/index.d.ts': index, 'src/generated/openapi.d.ts': oldTypes },
 *   after: { 'src/index.d.ts': index, 'src/generated/openapi.d.ts': newTypes },
 * };
 */
export interface DeclarationPackage {
  /** The package's npm name, which the other packages import it by. */
  name: string;
  /** The package's directory on disk, an absolute path. */
  directory: string;
  /** The module that declares the package's public API, relative to `directory`. */
  entry: string;
  before: Record<string, string>;
  after: Record<string, string>;
}
