import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDeclarations } from './compare-declarations.js';
import type { DeclarationPackage } from './declaration-package.js';
import type { ExportRoles } from './export-roles.js';

// Small packages written here, compared by the real compiler: nothing is written to disk.
const packageOf = (before: string, after: string, name = 'example'): DeclarationPackage => ({
  name,
  directory: join(tmpdir(), `declarations-${name}`),
  entry: 'index.d.ts',
  before: { 'index.d.ts': before },
  after: { 'index.d.ts': after },
});
const compare = (before: string, after: string, roles: Array<[string, 'input' | 'output']> = []) =>
  compareDeclarations(
    [packageOf(before, after)],
    new Map<string, ExportRoles>([['example', new Map(roles)]]),
  );

describe('compareDeclarations', () => {
  it('checks an input type the old way round: a new required field breaks it, a new option extends it', () => {
    const before = 'export interface Body { a: string }';
    expect(
      compare(before, 'export interface Body { a: string; b: string }', [['Body', 'input']]),
    ).toEqual([expect.objectContaining({ name: 'Body', change: 'broken', bump: 'major' })]);
    expect(
      compare(before, 'export interface Body { a: string; b?: string }', [['Body', 'input']]),
    ).toEqual([
      expect.objectContaining({ name: 'Body', change: 'extended', how: ['property added: `b`'] }),
    ]);
  });

  it('checks a function a consumer calls as it is called: a narrower parameter breaks it', () => {
    const [change] = compare(
      'export declare function close(id: string | number): void;',
      'export declare function close(id: string): void;',
    );
    expect(change).toMatchObject({ name: 'typeof close', role: 'output', change: 'broken' });
    expect(change!.how[0]).toMatch(/^no longer delivers what it delivered: .*number/);
  });

  it('takes a hand-written type both ways, so even a wider one is a change its readers see', () => {
    expect(
      compare('export type Region = "us" | "eu";', 'export type Region = "us" | "eu" | "au";'),
    ).toEqual([expect.objectContaining({ name: 'Region', role: 'both', change: 'broken' })]);
  });

  it('lists exports added and removed, and leaves unchanged ones out', () => {
    expect(
      compare(
        'export type A = 1;\nexport type B = 2;',
        'export type A = 1;\nexport type C = 3;',
      ).map(({ name, change, bump }) => [name, change, bump]),
    ).toEqual([
      ['B', 'removed', 'major'],
      ['C', 'added', 'minor'],
    ]);
  });

  it('refuses to compare declarations whose imports resolve to nothing', () => {
    const broken = "import type { Thing } from './missing.js';\nexport type A = Thing;";
    expect(() => compare(broken, broken)).toThrow(
      /could not be compared: imports resolve to nothing:\n {2}.*index\.d\.ts: '\.\/missing\.js'/,
    );
  });
});
