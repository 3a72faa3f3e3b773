import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertBuilt, installProject, packAll, PUBLISHED, type PublishedName } from './packages.js';
import { killAll } from './run.js';

/** What every test file shares: the tarballs, and one project that installed all of them. */
export interface Installed {
  /** A fresh folder under the OS temp folder, removed after the run. */
  root: string;
  /** Each published package's tarball, by name. */
  tarballs: Record<PublishedName, string>;
  /** A project outside the workspace where npm installed every tarball. */
  consumer: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    installed: Installed;
  }
}

// Packing and installing once, before any test file, lets the files share the installed project
// and run in parallel.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await assertBuilt();
  const root = await mkdtemp(join(tmpdir(), 'conversation-kit-consumers-'));
  try {
    const tarballDir = join(root, 'tarballs');
    const consumer = join(root, 'consumer');
    await mkdir(tarballDir);
    await mkdir(consumer);
    const tarballs = await packAll(tarballDir);
    await installProject(
      consumer,
      PUBLISHED.map((name) => tarballs[name]),
    );
    project.provide('installed', { root, tarballs, consumer });
  } catch (error) {
    await killAll();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await killAll();
    await rm(root, { recursive: true, force: true });
  };
}
