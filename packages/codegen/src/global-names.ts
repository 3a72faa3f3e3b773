import ts from 'typescript';

const PROBE = '/global-names-probe.ts';
let cached: ReadonlySet<string> | undefined;

/**
 * Every global name that TypeScript's standard and DOM libraries declare (`Error`, `Response`,
 * `Document`, …). A generated alias with one of these names would shadow the global in any file
 * that imports it.
 *
 * @example
 * globalNames().has('Error'); // true
 */
export function globalNames(): ReadonlySet<string> {
  if (cached) return cached;
  const options: ts.CompilerOptions = { lib: ['lib.esnext.full.d.ts'], types: [], noEmit: true };
  // The libraries load only for a program with a root file, so an empty one stands in.
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === PROBE
      ? ts.createSourceFile(PROBE, 'export {};', languageVersion)
      : getSourceFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram({ rootNames: [PROBE], options, host });
  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(PROBE);
  if (!probe) throw new Error('TypeScript did not load the probe file');
  const flags = ts.SymbolFlags.Type | ts.SymbolFlags.Value | ts.SymbolFlags.Namespace;
  cached = new Set(checker.getSymbolsInScope(probe, flags).map((symbol) => symbol.name));
  if (!cached.has('Error')) throw new Error("TypeScript's standard library did not load");
  return cached;
}
