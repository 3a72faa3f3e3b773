import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { specLayout } from './spec-layout.js';

/**
 * Moves the spec package from one API version to another: writes the new fragment under the new
 * version's folder and removes the old one; starts the new version's overlay from the current
 * one unless the repository already keeps corrections for it (Intercom's text of each version
 * needs its own, and the overlays of other versions stay, unpublished); and repoints
 * `package.json` (its pinned `apiVersion`, the files it exports and publishes, its scripts and its
 * description). Returns the files it wrote or removed.
 *
 * @example
 * await moveApiVersion('/repo/spec', { from: '2.12', to: '2.14', fragmentText });
 * // ['/repo/spec/openapi/2.14/manage-conversation.yaml', '/repo/spec/openapi/2.12', '/repo/spec/package.json']
 */
export async function moveApiVersion(
  specDirectory: string,
  move: { from: string; to: string; fragmentText: string },
): Promise<string[]> {
  const { from, to, fragmentText } = move;
  const old = specLayout(specDirectory, from);
  const next = specLayout(specDirectory, to);
  const touched: string[] = [];

  await mkdir(dirname(next.fragment), { recursive: true });
  await writeFile(next.fragment, fragmentText);
  await rm(dirname(old.fragment), { recursive: true, force: true });
  touched.push(next.fragment, dirname(old.fragment));
  const overlayReady = await access(next.overlay).then(
    () => true,
    () => false,
  );
  if (!overlayReady) {
    const overlay = await readFile(old.overlay, 'utf8');
    await mkdir(dirname(next.overlay), { recursive: true });
    await writeFile(next.overlay, overlay.replace(`Intercom's ${from} `, `Intercom's ${to} `));
    touched.push(next.overlay);
  }

  const manifestPath = join(specDirectory, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(
    manifestPath,
    `${JSON.stringify(repointedManifest(manifest, from, to), null, 2)}\n`,
  );
  touched.push(manifestPath);
  return touched;
}

/**
 * The spec package's manifest pinned to another API version: its `conversationKit.apiVersion`,
 * and every path and description that names the version.
 *
 * @example
 * repointedManifest(manifest, '2.12', '2.14').exports['./effective/2.14/manage-conversation.json'];
 */
export function repointedManifest(
  manifest: Record<string, unknown>,
  from: string,
  to: string,
): Record<string, unknown> {
  const repointed = JSON.parse(
    JSON.stringify(manifest)
      .replaceAll(`/${from}/`, `/${to}/`)
      .replaceAll(`API ${from} `, `API ${to} `),
  ) as Record<string, unknown>;
  repointed['conversationKit'] = {
    ...(repointed['conversationKit'] as object | undefined),
    apiVersion: to,
  };
  return repointed;
}
