import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_PACKAGES } from './published-packages.js';
import { repositoryRoot } from './test-support/workspace.js';

// The workspace's package folders, as pnpm-workspace.yaml lists them.
async function workspacePackages(): Promise<
  Array<{ name: string; directory: string; private: boolean }>
> {
  const directories = ['spec', 'bench'];
  for (const entry of await readdir(join(repositoryRoot, 'packages'), { withFileTypes: true })) {
    if (entry.isDirectory()) directories.push(join('packages', entry.name));
  }
  const found = [];
  for (const directory of directories) {
    const manifest = await readFile(join(repositoryRoot, directory, 'package.json'), 'utf8').catch(
      () => undefined,
    );
    if (manifest === undefined) continue;
    const { name, private: isPrivate } = JSON.parse(manifest) as {
      name: string;
      private?: boolean;
    };
    found.push({ name, directory, private: isPrivate === true });
  }
  return found;
}

describe('the published packages a spec change is classified for', () => {
  it('are every package of the workspace that is not private, where it is', async () => {
    const published = (await workspacePackages()).filter((pkg) => !pkg.private);
    expect(
      PUBLISHED_PACKAGES.map(({ name, directory }) => ({ name, directory })).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    ).toEqual(
      published
        .map(({ name, directory }) => ({ name, directory }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('name entries that exist', async () => {
    for (const { directory, entry } of PUBLISHED_PACKAGES) {
      if (entry === undefined) continue;
      await expect(readFile(join(repositoryRoot, directory, entry), 'utf8')).resolves.toBeTruthy();
    }
  });
});
