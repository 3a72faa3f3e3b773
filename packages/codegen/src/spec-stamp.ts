import { readFile, writeFile } from 'node:fs/promises';
import type { EffectiveSpec } from './effective-spec.js';

/** What a generated package records of the spec it was generated from. */
export interface SpecStamp {
  /** The Intercom API version the spec describes. */
  version: string;
  /** SHA-256 of the effective document (JSON) the code was generated from. */
  sha256: string;
}

/** The package.json field that holds the stamp. */
export const STAMP_FIELD = 'conversationKit';

/**
 * The stamp for a spec: its API version and hash.
 *
 * @example
 * specStamp(spec); // { version: '2.12', sha256: 'dc08…' }
 */
export function specStamp(spec: EffectiveSpec): SpecStamp {
  const info = spec.document['info'] as { version?: unknown } | undefined;
  return { version: String(info?.version ?? ''), sha256: spec.sha256 };
}

/**
 * Writes the stamp into a package.json, as `conversationKit.spec`, keeping the rest as it is.
 * Returns whether the file changed.
 *
 * @example
 * await stampPackageJson('packages/types/package.json', specStamp(spec));
 */
export async function stampPackageJson(
  file: string,
  stamp: SpecStamp,
  write = true,
): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const current = (manifest[STAMP_FIELD] as { spec?: SpecStamp } | undefined)?.spec;
  if (current?.version === stamp.version && current.sha256 === stamp.sha256) return false;
  manifest[STAMP_FIELD] = { ...(manifest[STAMP_FIELD] as object | undefined), spec: stamp };
  if (write) await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
