import ts from 'typescript';

const MAX_DEPTH = 12;

/**
 * Every property path a consumer can reach in a type (`source.author.name`, `tags.tags[].id`),
 * looking through unions, `null` and arrays. Only the types declared in the files given are
 * looked into: a library's own types (`Date`, `Promise`, a client class) end a path, and so do
 * functions. A removed path breaks whoever reads it or writes it, even where the old and the new
 * type are still assignable to each other, as with a removed optional property.
 *
 * @example
 * propertyPaths(checker, conversationType, (file) => file.includes('/.declarations/'));
 * // Set { 'type', 'id', 'source', 'source.author', 'source.author.name', … }
 */
export function propertyPaths(
  checker: ts.TypeChecker,
  type: ts.Type,
  isOwnFile: (fileName: string) => boolean,
): Set<string> {
  const paths = new Set<string>();
  const walk = (current: ts.Type, prefix: string, depth: number, open: Set<ts.Type>): void => {
    if (depth > MAX_DEPTH) return;
    for (const member of current.isUnion() ? current.types : [current]) {
      const element = elementType(checker, member);
      if (element) {
        walk(element, `${prefix}[]`, depth + 1, open);
        continue;
      }
      if (!isPlainObject(member) || open.has(member) || !isOwn(member, isOwnFile)) continue;
      const inside = new Set(open).add(member);
      for (const property of checker.getPropertiesOfType(member)) {
        const path = prefix === '' ? property.name : `${prefix}.${property.name}`;
        paths.add(path);
        walk(
          checker.getNonNullableType(checker.getTypeOfSymbol(property)),
          path,
          depth + 1,
          inside,
        );
      }
    }
  };
  walk(checker.getNonNullableType(type), '', 0, new Set());
  return paths;
}

function elementType(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  if (!checker.isArrayType(type)) return undefined;
  return checker.getTypeArguments(type as ts.TypeReference)[0];
}

function isPlainObject(type: ts.Type): boolean {
  if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return false;
  return type.getCallSignatures().length === 0 && type.getConstructSignatures().length === 0;
}

function isOwn(type: ts.Type, isOwnFile: (fileName: string) => boolean): boolean {
  const declarations = (type.aliasSymbol ?? type.getSymbol())?.declarations ?? [];
  if (type.flags & ts.TypeFlags.Intersection) {
    return (type as ts.IntersectionType).types.some((member) => isOwn(member, isOwnFile));
  }
  return (
    declarations.length > 0 && declarations.every((d) => isOwnFile(d.getSourceFile().fileName))
  );
}
