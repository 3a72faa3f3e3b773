import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subproject } from './support/projects.js';
import { killAll, run } from './support/run.js';
import { nodeBinary, type Runtime } from './support/runtimes.js';

// The ESM smoke test under each Node line we support, with binaries from the npm registry's
// node-<platform>-<arch> packages (cached under the OS temp folder between runs).

const VERSIONS = ['20.20.2', '22.23.3', '24.21.0'];

const { consumer } = inject('installed');
let project: string;
const runtimes = new Map<string, Runtime>();

beforeAll(async () => {
  project = await subproject(consumer, 'node-versions', { type: 'module' }, ['smoke.mjs']);
  // One download at a time: each is about 50 MB.
  for (const version of VERSIONS) runtimes.set(version, await nodeBinary(version));
});

afterAll(killAll);

describe.each(VERSIONS)('Node %s', (version) => {
  it('runs the ESM smoke test: close prints closed', async ({ annotate }) => {
    const runtime = runtimes.get(version)!;
    if (!runtime.ok) throw new Error(runtime.reason);
    expect(runtime.version).toBe(`v${version}`);
    const result = await run(runtime.binary, ['smoke.mjs'], { cwd: project, timeoutMs: 60_000 });
    expect(result.stdout.trim(), result.stderr).toBe('closed');
    expect(result.code).toBe(0);
    await annotate(`ran under ${runtime.binary} (${runtime.version})`);
  });
});
