import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repointedManifest } from '../api-version-move.js';
import { extractOperation } from '../extract-operation.js';
import { fragmentYaml } from '../fragment-yaml.js';
import { readOpenApiSource } from '../read-openapi-source.js';
import { pinnedApiVersion, specLayout } from '../spec-layout.js';

/** The repository this package belongs to, whose published packages a sync classifies. */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The real spec package's directory. */
export const realSpecDirectory = join(repositoryRoot, 'spec');

/**
 * The path of an upstream fixture.
 *
 * @example
 * upstreamFixture('acceptance.yaml'); // '/…/packages/spec-sync/test-fixtures/upstream/acceptance.yaml'
 */
export function upstreamFixture(name: string): string {
  return fileURLToPath(new URL(`../../test-fixtures/upstream/${name}`, import.meta.url));
}

/** A temporary copy of the files a sync reads and writes, laid out as in the repository. */
export interface Workspace {
  root: string;
  specDirectory: string;
  changesetDirectory: string;
  repositoryRoot: string;
  /** The fragment's path in the copy. */
  fragmentPath: string;
  /** Removes the copy. */
  remove(): Promise<void>;
}

/**
 * A temporary spec package pinned to an API version, with an empty `.changeset`, so a test can
 * sync, and move versions, without touching the real files: the real manifest repointed to that
 * version, every real overlay, and the fragment the sync extracts from the fixture cut from
 * Intercom's file of that version. It does not depend on the version the repository is pinned to.
 * The published packages are still read from the repository.
 *
 * @example
 * const workspace = await temporaryWorkspace('2.12');
 * await syncUpstream({ source, ...workspace });
 * await workspace.remove();
 */
export async function temporaryWorkspace(apiVersion = '2.12'): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'spec-sync-'));
  const specDirectory = join(root, 'spec');
  const changesetDirectory = join(root, '.changeset');
  await mkdir(changesetDirectory, { recursive: true });
  await cp(join(realSpecDirectory, 'overlays'), join(specDirectory, 'overlays'), {
    recursive: true,
  });
  await cp(join(repositoryRoot, '.prettierrc.json'), join(root, '.prettierrc.json'));

  const manifest = JSON.parse(await readFile(join(realSpecDirectory, 'package.json'), 'utf8'));
  const pinned = await pinnedApiVersion(realSpecDirectory);
  await writeFile(
    join(specDirectory, 'package.json'),
    JSON.stringify(repointedManifest(manifest, pinned, apiVersion), null, 2),
  );
  const { fragment } = await extractOperation(
    await readOpenApiSource(upstreamFixture(`intercom-${apiVersion}.yaml`)),
    'manageConversation',
  );
  const fragmentPath = specLayout(specDirectory, apiVersion).fragment;
  await mkdir(dirname(fragmentPath), { recursive: true });
  await writeFile(fragmentPath, await fragmentYaml(fragment, fragmentPath));
  return {
    root,
    specDirectory,
    changesetDirectory,
    repositoryRoot,
    fragmentPath,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * A fingerprint of the real files a sync could write (the spec's manifest, fragments and
 * overlays, `.changeset/spec-sync-*`), to check that a test left them alone.
 *
 * @example
 * const before = await realFilesFingerprint();
 * // … run a test …
 * expect(await realFilesFingerprint()).toBe(before);
 */
export async function realFilesFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      hash.update(path).update(await readFile(path));
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      await visit(join(path, entry.name));
    }
  };
  for (const entry of ['package.json', 'openapi', 'overlays']) {
    await visit(join(realSpecDirectory, entry));
  }
  // Only the sync's changesets: other work may add changesets of its own meanwhile.
  const changesets = join(repositoryRoot, '.changeset');
  for (const name of (await readdir(changesets))
    .filter((file) => file.startsWith('spec-sync-'))
    .sort()) {
    hash.update(name).update(await readFile(join(changesets, name)));
  }
  return hash.digest('hex');
}

/**
 * A fixture's text without its leading comment lines (which say where it was cut from).
 *
 * @example
 * await fixtureWithoutHeader('acceptance.yaml'); // starts with 'openapi: 3.0.1'
 */
export async function fixtureWithoutHeader(name: string): Promise<string> {
  const text = await readFile(upstreamFixture(name), 'utf8');
  return text.replace(/^(#.*\n)+/, '');
}
