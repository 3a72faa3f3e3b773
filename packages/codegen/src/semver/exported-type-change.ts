import type { TypeRole } from './type-role.js';

/**
 * How one type a consumer can name changed, as the compiler sees it:
 * - `added`: it did not exist before (minor);
 * - `removed`: it no longer exists (major);
 * - `extended`: it still accepts and delivers all it did, and more (minor);
 * - `broken`: code that compiled against it may no longer compile (major).
 *
 * @example
 * const change: ExportedTypeChange = {
 *   package: '@conversation-kit/types',
 *   name: 'Conversation',
 *   role: 'output',
 *   change: 'broken',
 *   bump: 'major',
 *   how: ["no longer delivers what it delivered: Types of property 'priority' are incompatible."],
 * };
 */
export interface ExportedTypeChange {
  package: string;
  name: string;
  role: TypeRole;
  change: 'added' | 'removed' | 'extended' | 'broken';
  bump: 'minor' | 'major';
  /** What the compiler found, one line each. */
  how: string[];
  /** The other compared package whose export this is, re-exported. */
  reexports?: string;
}
