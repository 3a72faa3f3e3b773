import { loadEffectiveSpec } from '../src/effective-spec.ts';
import { classifySpecChange } from '../src/semver/classify-spec-change.ts';
const { document } = await loadEffectiveSpec();
const after: any = structuredClone(document);
after.components.schemas.conversation.properties.priority.enum.push('urgent');
const root = '/work/wt/i10/packages';
const pk = (n: string, entry: string, generates?: any) => ({
  name: `@conversation-kit/${n}`,
  directory: `${root}/${n}`,
  entry,
  generates,
  rules: [] as any,
});
for (const set of [
  [pk('types', 'src/index.d.ts', 'types')],
  [
    pk('types', 'src/index.d.ts', 'types'),
    pk('fetch', 'src/index.ts', 'fetch'),
    pk('conversations', 'src/index.ts'),
    pk('testing', 'src/index.ts'),
  ],
]) {
  const t = Date.now();
  await classifySpecChange(document, after, set);
  console.log(set.length, 'packages', Date.now() - t, 'ms');
}
