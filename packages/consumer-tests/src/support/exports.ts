import ts from 'typescript';

/** The exports of one entry point as a consumer's compiler sees them. */
export interface EntryExports {
  /** Every exported name, types and values. */
  names: string[];
  /** The names that are values at run time (functions, classes, constants). */
  values: string[];
}

/** What a consumer's file imports: per module specifier, the exported names it uses. */
export type UsedNames = Map<string, Set<string>>;

/**
 * Reads a consumer's project (its tsconfig.json) with the TypeScript compiler API and returns,
 * for each module the files import, the entry point's exports as resolved from that project, and
 * the names the files use, together: named and default imports, and `Namespace.name` accesses
 * of `import * as Namespace`.
 *
 * @example
 * const { exports, used } = inspectImports('/tmp/consumer/ts-nodenext', ['all-exports.ts']);
 */
export function inspectImports(
  projectDir: string,
  fileNames: readonly string[],
): { exports: Map<string, EntryExports>; used: UsedNames } {
  const configPath = ts.findConfigFile(projectDir, ts.sys.fileExists, 'tsconfig.json');
  if (configPath === undefined) throw new Error(`No tsconfig.json in ${projectDir}`);
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectDir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const checker = program.getTypeChecker();
  const exports = new Map<string, EntryExports>();
  const used: UsedNames = new Map();
  const use = (specifier: string, name: string): void => {
    if (!used.has(specifier)) used.set(specifier, new Set());
    used.get(specifier)!.add(name);
  };

  for (const fileName of fileNames) {
    const source = program.getSourceFiles().find((file) => file.fileName.endsWith(`/${fileName}`));
    if (source === undefined) throw new Error(`${fileName} is not part of ${configPath}`);
    inspectFile(checker, source, exports, use);
  }
  return { exports, used };
}

function inspectFile(
  checker: ts.TypeChecker,
  source: ts.SourceFile,
  exports: Map<string, EntryExports>,
  use: (specifier: string, name: string) => void,
): void {
  // Namespace imports are the file's own: another file may give the same name to another module.
  const namespaces = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
      continue;
    }
    const specifier = statement.moduleSpecifier.text;
    const moduleSymbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (moduleSymbol === undefined) throw new Error(`${specifier} does not resolve`);
    const names: string[] = [];
    const values: string[] = [];
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      names.push(symbol.name);
      // A type-only export (`export type { X }`) of a class is no value at run time.
      const typeOnly = symbol.declarations?.some((declaration) =>
        ts.isTypeOnlyImportOrExportDeclaration(declaration),
      );
      if (target.flags & ts.SymbolFlags.Value && !typeOnly) values.push(symbol.name);
    }
    exports.set(specifier, { names: names.sort(), values: values.sort() });

    const clause = statement.importClause;
    if (clause?.name) use(specifier, 'default');
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        use(specifier, (element.propertyName ?? element.name).text);
      }
    } else if (bindings && ts.isNamespaceImport(bindings)) {
      namespaces.set(bindings.name.text, specifier);
    }
  }

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const specifier = namespaces.get(node.expression.text);
      if (specifier !== undefined) use(specifier, node.name.text);
    } else if (ts.isQualifiedName(node) && ts.isIdentifier(node.left)) {
      const specifier = namespaces.get(node.left.text);
      if (specifier !== undefined) use(specifier, node.right.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
