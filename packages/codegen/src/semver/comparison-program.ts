import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { DeclarationPackage, Version } from './declaration-package.js';

/**
 * One TypeScript program holding both versions of every package compared.
 *
 * @example
 * const { checker, pathOf }: ComparisonProgram = comparisonProgram([types]);
 */
export interface ComparisonProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The absolute path a package's file of one version has in the program. */
  pathOf(pkg: DeclarationPackage, version: Version, relative: string): string;
  /** The package and version a file of the program belongs to, if it is one of theirs. */
  ownerOf(fileName: string): { pkg: DeclarationPackage; version: Version } | undefined;
  /** A new program with one more root file, reusing everything else. */
  withFile(fileName: string, text: string): ts.Program;
  /** Every import of the packages' files that resolves to nothing, as `file: specifier`. */
  unresolvedImports(): string[];
}

// What a consumer with a strict configuration compiles with: the strictest common settings, so a
// change that breaks any such consumer shows.
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  resolveJsonModule: true,
};

// Each version of a package is placed inside the package's own directory, so the modules its
// files import from node_modules resolve exactly as they do for the real files.
const MOUNT = '.declarations';

/**
 * Builds one program from both versions of some packages, in memory: nothing is written. A
 * compared package imported by another resolves to its own files of the same version.
 *
 * @example
 * const { checker, pathOf } = comparisonProgram([types, fetch]);
 * const entry = program.getSourceFile(pathOf(types, 'after', types.entry));
 */
export function comparisonProgram(packages: readonly DeclarationPackage[]): ComparisonProgram {
  const files = new Map<string, string>();
  const directories = new Set<string>();
  const owners = new Map<string, { pkg: DeclarationPackage; version: Version }>();
  const pathOf = (pkg: DeclarationPackage, version: Version, relative: string): string =>
    join(pkg.directory, MOUNT, version, relative);
  for (const pkg of packages) {
    for (const version of ['before', 'after'] as const) {
      for (const [relative, text] of Object.entries(pkg[version])) {
        const path = pathOf(pkg, version, relative);
        files.set(path, text);
        owners.set(path, { pkg, version });
        for (let dir = dirname(path); dir.startsWith(pkg.directory); dir = dirname(dir)) {
          directories.add(dir);
        }
      }
    }
  }
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));

  const host = ts.createCompilerHost(OPTIONS, true);
  const real = {
    fileExists: host.fileExists.bind(host),
    readFile: host.readFile.bind(host),
    directoryExists: host.directoryExists?.bind(host),
    getSourceFile: host.getSourceFile.bind(host),
    realpath: host.realpath?.bind(host),
  };
  host.fileExists = (name) => files.has(name) || real.fileExists(name);
  host.readFile = (name) => files.get(name) ?? real.readFile(name);
  host.directoryExists = (name) => directories.has(name) || (real.directoryExists?.(name) ?? false);
  host.realpath = (name) =>
    files.has(name) || directories.has(name) ? name : (real.realpath?.(name) ?? name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const text = files.get(name);
    return text === undefined
      ? real.getSourceFile(name, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(name, text, languageVersion, true);
  };
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (name) => name, OPTIONS);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, source) =>
    literals.map((literal) => {
      const owner = owners.get(containingFile);
      const target = byName.get(literal.text);
      if (owner && target) {
        const resolvedFileName = pathOf(target, owner.version, target.entry);
        return {
          resolvedModule: {
            resolvedFileName,
            extension: resolvedFileName.endsWith('.d.ts') ? ts.Extension.Dts : ts.Extension.Ts,
            isExternalLibraryImport: false,
          },
        };
      }
      const mode = ts.getModeForUsageLocation(source, literal, options);
      return ts.resolveModuleName(
        literal.text,
        containingFile,
        options,
        host,
        cache,
        redirected,
        mode,
      );
    });

  const rootNames = [...files.keys()].filter((name) => /\.(d\.)?[cm]?ts$/.test(name));
  const program = ts.createProgram({ rootNames, options: OPTIONS, host });
  const checker = program.getTypeChecker();
  return {
    program,
    checker,
    pathOf,
    ownerOf: (fileName) => owners.get(fileName),
    withFile(fileName, text) {
      files.set(fileName, text);
      return ts.createProgram({
        rootNames: [...rootNames, fileName],
        options: OPTIONS,
        host,
        oldProgram: program,
      });
    },
    unresolvedImports() {
      const unresolved: string[] = [];
      for (const name of owners.keys()) {
        const source = program.getSourceFile(name);
        for (const statement of source?.statements ?? []) {
          const specifier =
            ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
              ? statement.moduleSpecifier
              : undefined;
          if (specifier && !checker.getSymbolAtLocation(specifier)) {
            unresolved.push(`${name}: ${specifier.getText(source)}`);
          }
        }
      }
      return unresolved;
    },
  };
}
