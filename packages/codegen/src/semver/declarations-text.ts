import ts from 'typescript';

/**
 * How the generated files of two versions differ as text, before the compiler is asked.
 *
 * @example
 * const difference: TextDifference = textDifference(before, after); // 'provenance'
 */
export type TextDifference = 'none' | 'provenance' | 'comments' | 'declarations';

/**
 * Tells how two versions of some generated files differ: not at all; only in their provenance
 * header (which names the spec's hash, as the package.json stamp does); only in comments (TSDoc
 * written from the spec's descriptions); or in the declarations themselves.
 *
 * @example
 * textDifference(before, after); // 'comments' when only a description changed
 */
export function textDifference(
  before: Record<string, string>,
  after: Record<string, string>,
): TextDifference {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const differing = names.filter((name) => before[name] !== after[name]);
  if (differing.length === 0) return 'none';
  const sameWithout = (strip: (text: string, name: string) => string): boolean =>
    differing.every((name) => {
      const [old, next] = [before[name], after[name]];
      return old !== undefined && next !== undefined && strip(old, name) === strip(next, name);
    });
  if (sameWithout(withoutHeader)) return 'provenance';
  if (sameWithout(withoutComments)) return 'comments';
  return 'declarations';
}

// The provenance header is the file's first comment, which the generator writes before anything.
function withoutHeader(text: string): string {
  return text.replace(/^\/\*\*[\s\S]*?\*\/\n/, '');
}

function withoutComments(text: string, name: string): string {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, false);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}
