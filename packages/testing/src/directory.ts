import type { DirectorySeed, FakeDirectory } from './fake-intercom.js';
import { numericIdOrNull } from './conversation-factory.js';

/** An admin or team as the fake knows it. */
export interface DirectoryEntry {
  id: string;
  name: string;
  email: string;
}

/**
 * The admins or the teams that exist in the fake's workspace.
 *
 * @example
 * const admins = new Directory('admin');
 * admins.add('991267');
 * admins.get('991267')?.name; // 'Admin 991267'
 */
export class Directory implements FakeDirectory {
  readonly #entries = new Map<string, DirectoryEntry>();

  constructor(private readonly kind: 'admin' | 'team') {}

  add(id: string | number, details: { name?: string; email?: string } = {}): void {
    const key = String(numericIdOrNull(id, `${this.kind} id`));
    this.#entries.set(key, {
      id: key,
      name: details.name ?? `${this.kind === 'admin' ? 'Admin' : 'Team'} ${key}`,
      email: details.email ?? `${this.kind}-${key}@example.com`,
    });
  }

  /** Adds an entry from a seed: an id, or an id with details. */
  seed(seed: DirectorySeed): void {
    if (typeof seed === 'object' && seed !== null) {
      const { id, ...details } = seed;
      this.add(id, details);
    } else {
      this.add(seed);
    }
  }

  has(id: string | number): boolean {
    return this.#entries.has(String(id));
  }

  get(id: string | number): DirectoryEntry | undefined {
    return this.#entries.get(String(id));
  }
}
