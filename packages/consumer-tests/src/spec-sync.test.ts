import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consumerTestsDir } from './support/packages.js';
import { consumerEnv, killAll, run, runOk, type RunResult } from './support/run.js';

// Intercom changes its spec: in a clone of the repository, the sync of an upstream fixture that
// adds an optional response field, adds an enum value and makes a request field required. The
// major request change must break the wrapper's type check until the wrapper is updated.

const { root } = inject('installed');
const FIXTURE = 'packages/spec-sync/test-fixtures/upstream/acceptance.yaml';
const WRAPPER = 'packages/conversations';
// Generation writes here (it only verifies under CI), as a maintainer's machine would.
const env = consumerEnv({ CI: '', TURBO_TELEMETRY_DISABLED: '1' });

let clone: string;
let firstSync: RunResult;
let changesetsAfterFirst: string[];
let fragmentAfterFirst: string;

async function changesets(): Promise<string[]> {
  return (await readdir(join(clone, '.changeset'))).filter((file) => file.startsWith('spec-sync-'));
}

function pnpmInClone(args: string[]): Promise<RunResult> {
  return run('pnpm', args, { cwd: clone, env, timeoutMs: 300_000 });
}

function sync(): Promise<RunResult> {
  return pnpmInClone(['--filter', '@conversation-kit/spec-sync', 'sync', join(clone, FIXTURE)]);
}

function typecheckWrapper(): Promise<RunResult> {
  return pnpmInClone([
    'exec',
    'turbo',
    'run',
    'typecheck',
    '--filter=@conversation-kit/conversations',
  ]);
}

/** A `Property 'x' is missing` (or `is optional`) error of the compiler, where it points. */
interface MissingProperty {
  file: string;
  position: { line: number; character: number };
  property: string;
}

// tsc prints `file(line,col): error TSnnnn: message`, the message's elaborations indented on the
// lines below; turbo prefixes every line with the task's name.
function missingProperties(output: string): MissingProperty[] {
  const lines = output.split('\n').map((line) => line.replace(/^\S+:typecheck: /, ''));
  const found: MissingProperty[] = [];
  lines.forEach((line, index) => {
    const header = /^(\S+\.ts)\((\d+),(\d+)\): error TS\d+: /.exec(line);
    if (!header) return;
    let message = line;
    for (let next = index + 1; next < lines.length && /^\s/.test(lines[next]!); next += 1) {
      message += `\n${lines[next]}`;
    }
    // Missing outright, or only optional where the type now requires it (as a spread leaves it).
    const missing = /Property '(\w+)' is (?:missing|optional) in type/.exec(message);
    if (!missing) return;
    found.push({
      file: header[1]!,
      position: { line: Number(header[2]) - 1, character: Number(header[3]) - 1 },
      property: missing[1]!,
    });
  });
  return found;
}

// The object literal an error points at: the one it lies in, or the value of the property, the
// variable or the return it names.
function objectLiteralAt(source: ts.SourceFile, position: number): ts.ObjectLiteralExpression {
  let node: ts.Node = source;
  for (;;) {
    const child = node
      .getChildren(source)
      .find((each) => each.getStart(source) <= position && position < each.getEnd());
    if (!child) break;
    node = child;
  }
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isObjectLiteralExpression(current)) return current;
    const value =
      ts.isPropertyAssignment(current) || ts.isVariableDeclaration(current)
        ? current.initializer
        : ts.isReturnStatement(current)
          ? current.expression
          : undefined;
    if (value && ts.isObjectLiteralExpression(value)) return value;
  }
  throw new Error(`no object literal at ${source.fileName}:${position}`);
}

// The least a maintainer would do where the compiler says a property is now required: give the
// object literal there the property, as an empty string. It goes last, after anything spread:
// an optional property spread over it would make it optional again.
async function addMissingProperties(errors: readonly MissingProperty[]): Promise<string[]> {
  const byFile = new Map<string, MissingProperty[]>();
  for (const error of errors) byFile.set(error.file, [...(byFile.get(error.file) ?? []), error]);
  const edited: string[] = [];
  for (const [file, fileErrors] of byFile) {
    const path = join(clone, WRAPPER, file);
    let text = await readFile(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const literals = new Map<ts.ObjectLiteralExpression, string>();
    for (const { position, property } of fileErrors) {
      const offset = source.getPositionOfLineAndCharacter(position.line, position.character);
      literals.set(objectLiteralAt(source, offset), property);
    }
    const printer = ts.createPrinter();
    // From the end of the file backwards, so every earlier offset stays where it was.
    for (const [literal, property] of [...literals].sort(
      ([a], [b]) => b.getStart() - a.getStart(),
    )) {
      const updated = ts.factory.updateObjectLiteralExpression(literal, [
        ...literal.properties,
        ts.factory.createPropertyAssignment(property, ts.factory.createStringLiteral('', true)),
      ]);
      const printed = printer.printNode(ts.EmitHint.Expression, updated, source);
      text = text.slice(0, literal.getStart(source)) + printed + text.slice(literal.getEnd());
    }
    await writeFile(path, text);
    edited.push(file);
  }
  return edited;
}

beforeAll(async () => {
  const { stdout } = await runOk('git', ['-C', consumerTestsDir, 'rev-parse', '--show-toplevel'], {
    cwd: consumerTestsDir,
  });
  clone = join(root, 'sync-clone');
  await runOk('git', ['clone', '--quiet', stdout.trim(), clone], { cwd: root, timeoutMs: 120_000 });
  const offline = await run('pnpm', ['install', '--frozen-lockfile', '--offline'], {
    cwd: clone,
    env,
    timeoutMs: 240_000,
  });
  if (offline.code !== 0)
    await runOk('pnpm', ['install', '--frozen-lockfile'], { cwd: clone, env, timeoutMs: 240_000 });
  // The sync reads the built spec package and generator.
  const built = await pnpmInClone([
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@conversation-kit/spec-sync^...',
  ]);
  expect(built.code, `${built.stdout}${built.stderr}`).toBe(0);
  firstSync = await sync();
  changesetsAfterFirst = await changesets();
  fragmentAfterFirst = await readFile(
    join(clone, 'spec/openapi/2.12/manage-conversation.yaml'),
    'utf8',
  );
  await runOk('pnpm', ['exec', 'turbo', 'run', 'generate'], {
    cwd: clone,
    env,
    timeoutMs: 300_000,
  });
});

afterAll(killAll);

describe('pnpm spec:sync on an upstream change', () => {
  it('writes the new fragment and a changeset with the bumps the changes call for', async () => {
    expect(firstSync.code, firstSync.stderr).toBe(0);
    expect(fragmentAfterFirst).toContain('last_activity_at:');
    expect(fragmentAfterFirst).toMatch(/- urgent/);
    expect(changesetsAfterFirst).toHaveLength(1);
    const changeset = await readFile(join(clone, '.changeset', changesetsAfterFirst[0]!), 'utf8');
    expect(changeset).toMatch(/'@conversation-kit\/types': major/);
    expect(changeset).toContain('last_activity_at');
  });

  it('regenerates the types with the new fields', async () => {
    const types = await readFile(join(clone, 'packages/types/src/generated/openapi.d.ts'), 'utf8');
    expect(types).toContain('last_activity_at?: number | null;');
    expect(types).toContain("'urgent'");
  });

  it('changes nothing when run a second time', async () => {
    const again = await sync();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes: ');
    expect(await changesets()).toEqual(changesetsAfterFirst);
    expect(await readFile(join(clone, 'spec/openapi/2.12/manage-conversation.yaml'), 'utf8')).toBe(
      fragmentAfterFirst,
    );
  });

  it("fails the wrapper's type check until the wrapper sends the newly required field", async () => {
    const broken = await typecheckWrapper();
    expect(broken.code).not.toBe(0);
    // Found where the compiler points, whatever the wrapper's files are called or look like.
    const errors = missingProperties(`${broken.stdout}${broken.stderr}`);
    expect(errors.map(({ property }) => property)).toContain('body');
    expect(await addMissingProperties(errors)).not.toEqual([]);

    const fixed = await typecheckWrapper();
    expect(fixed.code, `${fixed.stdout}${fixed.stderr}`).toBe(0);
    // Two type checks of the wrapper, each building what it depends on: minutes on a loaded machine.
  }, 600_000);
});
