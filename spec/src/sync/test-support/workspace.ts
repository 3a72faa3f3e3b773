import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specFiles } from '../../spec-files.js';
import { repositoryRoot } from '../repo-root.js';

/**
 * The path of an upstream fixture.
 *
 * @example
 * upstreamFixture('acceptance.yaml'); // '/…/spec/test-fixtures/upstream/acceptance.yaml'
 */
export function upstreamFixture(name: string): string {
  return fileURLToPath(new URL(`../../../test-fixtures/upstream/${name}`, import.meta.url));
}

/** A temporary copy of the files a sync reads and writes, laid out as in the repository. */
export interface Workspace {
  root: string;
  fragmentPath: string;
  overlayPath: string;
  changesetDirectory: string;
  /** Removes the copy. */
  remove(): Promise<void>;
}

/**
 * Copies the fragment, the overlay and the prettier settings to a temporary directory with an
 * empty `.changeset`, so a test can sync without touching the real files.
 *
 * @example
 * const workspace = await temporaryWorkspace();
 * await syncUpstream({ source, ...workspace });
 * await workspace.remove();
 */
export async function temporaryWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'spec-sync-'));
  const repository = await repositoryRoot(dirname(specFiles.fragment));
  const fragmentPath = join(root, 'spec/openapi/2.12/manage-conversation.yaml');
  const overlayPath = join(root, 'spec/overlays/2.12/corrections.overlay.yaml');
  const changesetDirectory = join(root, '.changeset');
  for (const directory of [dirname(fragmentPath), dirname(overlayPath), changesetDirectory]) {
    await mkdir(directory, { recursive: true });
  }
  await copyFile(specFiles.fragment, fragmentPath);
  await copyFile(specFiles.overlay, overlayPath);
  await copyFile(join(repository, '.prettierrc.json'), join(root, '.prettierrc.json'));
  return {
    root,
    fragmentPath,
    overlayPath,
    changesetDirectory,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * A fingerprint of the real files a sync could write (fragment, overlay, `.changeset/spec-sync-*`), to check
 * that a test left them alone.
 *
 * @example
 * const before = await realFilesFingerprint();
 * // … run a test …
 * expect(await realFilesFingerprint()).toBe(before);
 */
export async function realFilesFingerprint(): Promise<string> {
  const changesets = join(await repositoryRoot(dirname(specFiles.fragment)), '.changeset');
  const hash = createHash('sha256');
  for (const file of [specFiles.fragment, specFiles.overlay]) hash.update(await readFile(file));
  // Only the sync's changesets: other work may add changesets of its own meanwhile.
  for (const name of (await readdir(changesets))
    .filter((file) => file.startsWith('spec-sync-'))
    .sort()) {
    hash.update(name).update(await readFile(join(changesets, name)));
  }
  return hash.digest('hex');
}

/**
 * A fixture's text without its leading comment lines (which say what the fixture is).
 *
 * @example
 * await fixtureWithoutHeader('acceptance.yaml'); // starts with 'openapi: 3.0.3'
 */
export async function fixtureWithoutHeader(name: string): Promise<string> {
  const text = await readFile(upstreamFixture(name), 'utf8');
  return text.replace(/^(#.*\n)+/, '');
}
