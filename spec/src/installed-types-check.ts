import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a check of an installed generated package found. */
export type InstalledTypesCheck =
  | { status: 'match'; name: string; version: string; sha256: string }
  | {
      status: 'drift';
      name: string;
      version: string;
      installed: SpecIdentity;
      expected: SpecIdentity;
    }
  | { status: 'unstamped'; name: string };

/** Which spec a package was generated from, or which one the spec package holds. */
export interface SpecIdentity {
  version: string;
  sha256: string;
}

/**
 * Tells whether a generated package (such as an installed `@conversation-kit/types`) was
 * generated from the spec given, by the stamp its package.json carries.
 *
 * @example
 * const result = await checkInstalledTypes('node_modules/@conversation-kit/types', { version: apiVersion, sha256: documentSha256 });
 * if (result.status !== 'match') process.exitCode = 1;
 */
export async function checkInstalledTypes(
  packageDir: string,
  expected: SpecIdentity,
): Promise<InstalledTypesCheck> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    conversationKit?: { spec?: Partial<SpecIdentity> };
  };
  const name = manifest.name ?? packageDir;
  const stamp = manifest.conversationKit?.spec;
  if (typeof stamp?.sha256 !== 'string' || typeof stamp.version !== 'string') {
    return { status: 'unstamped', name };
  }
  const version = manifest.version ?? 'unknown';
  if (stamp.sha256 === expected.sha256)
    return { status: 'match', name, version, sha256: stamp.sha256 };
  return {
    status: 'drift',
    name,
    version,
    installed: { version: stamp.version, sha256: stamp.sha256 },
    expected,
  };
}
