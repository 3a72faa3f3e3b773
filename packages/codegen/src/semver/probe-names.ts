import ts from 'typescript';
import type { ComparisonProgram } from './comparison-program.js';
import type { DeclarationPackage, Version } from './declaration-package.js';
import type { ExportRole, ExportRoles } from './export-roles.js';
import type { TypeRole } from './type-role.js';

/**
 * A type a consumer of the package can name in one version, before its type is looked at.
 *
 * @example
 * const probe: ProbeName = { name: 'Conversation', role: 'output', reference: (ns) => `${ns}.Conversation` };
 */
export interface ProbeName {
  /** How a consumer names it: `Conversation`, `typeof manageConversation`, `paths["/x"]["post"]["responses"]`. */
  name: string;
  role: TypeRole;
  /** A type expression for it, given the namespace the package's entry is imported as. */
  reference: (namespace: string) => string;
  /** The other compared package it re-exports, if it does. */
  reexports?: string;
}

const COMPONENT_KIND_ROLES: Record<string, TypeRole> = {
  parameters: 'input',
  requestBodies: 'input',
  responses: 'output',
  headers: 'output',
};
const OPERATION_PART_ROLES: Record<string, TypeRole> = {
  parameters: 'input',
  requestBody: 'input',
  responses: 'output',
};

/**
 * Every type a consumer of a package can name in one version: each exported type, the type of each
 * exported value, and each part of the openapi-typescript containers (an operation's parameters,
 * request body and responses; each component). Generic types are left to the values that use
 * them, and `ruled` exports to their explicit rules. An export re-exported from another package
 * compared takes the role that package gives it.
 *
 * @example
 * probeNames(program, fetch, 'after', roles);
 * // [{ name: 'typeof manageConversation', role: 'output', … }, { name: 'Conversation', role: 'output', … }, …]
 */
export function probeNames(
  compared: ComparisonProgram,
  pkg: DeclarationPackage,
  version: Version,
  roles: ReadonlyMap<string, ExportRoles>,
): ProbeName[] {
  const { checker, program } = compared;
  const entry = program.getSourceFile(compared.pathOf(pkg, version, pkg.entry));
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol)
    throw new Error(`${pkg.name}: ${pkg.entry} is not a module TypeScript can read`);

  const names: ProbeName[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = target.declarations?.[0];
    const owner = declaration && compared.ownerOf(declaration.getSourceFile().fileName);
    const role = roles.get(owner?.pkg.name ?? pkg.name)?.get(target.name);
    const name = exported.name;
    if (role === 'ruled') continue;
    const origin = owner && owner.pkg.name !== pkg.name ? { reexports: owner.pkg.name } : {};
    if (target.flags & ts.SymbolFlags.Value) {
      names.push({
        name: `typeof ${name}`,
        role: 'output',
        reference: (ns) => `typeof ${ns}.${name}`,
        ...origin,
      });
    }
    if (!(target.flags & ts.SymbolFlags.Type) || isGeneric(target)) continue;
    if (
      role === 'openapi-paths' ||
      role === 'openapi-operations' ||
      role === 'openapi-components'
    ) {
      const type = checker.getDeclaredTypeOfSymbol(target);
      const parts = containerParts(checker, role, name, type, roles.get(owner!.pkg.name)!);
      names.push(...parts.map((part) => ({ ...part, ...origin })));
    } else {
      names.push({ name, role: role ?? 'both', reference: (ns) => `${ns}.${name}`, ...origin });
    }
  }
  return names;
}

function isGeneric(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) =>
      (ts.isTypeAliasDeclaration(declaration) ||
        ts.isInterfaceDeclaration(declaration) ||
        ts.isClassDeclaration(declaration)) &&
      (declaration.typeParameters?.length ?? 0) > 0,
  );
}

// The parts of a container consumers name by indexing: `paths[path][method][part]`,
// `operations[id][part]`, `components[kind][name]`.
function containerParts(
  checker: ts.TypeChecker,
  role: Extract<ExportRole, `openapi-${string}`>,
  name: string,
  type: ts.Type,
  roles: ExportRoles,
): ProbeName[] {
  const parts: ProbeName[] = [];
  const part = (keys: string[], partRole: TypeRole): void => {
    const indexed = keys.map((key) => `[${JSON.stringify(key)}]`).join('');
    const probe = `${name}${indexed}`;
    const given = roles.get(probe);
    parts.push({
      name: probe,
      role: given === undefined || !isTypeRole(given) ? partRole : given,
      reference: (ns) => `${ns}.${name}${indexed}`,
    });
  };
  const operation = (keys: string[], operationType: ts.Type): void => {
    for (const [key] of members(checker, operationType)) {
      part([...keys, key], OPERATION_PART_ROLES[key] ?? 'both');
    }
  };
  for (const [key, member] of members(checker, type)) {
    if (role === 'openapi-operations') {
      operation([key], member);
    } else if (role === 'openapi-paths') {
      for (const [method, item] of members(checker, member)) {
        if (method === 'parameters') part([key, method], 'input');
        else operation([key, method], item);
      }
    } else {
      for (const [entry] of members(checker, member)) {
        part([key, entry], COMPONENT_KIND_ROLES[key] ?? 'both');
      }
    }
  }
  return parts;
}

// The properties of a type that hold something: `never` marks what openapi-typescript left empty.
function members(checker: ts.TypeChecker, type: ts.Type): Array<[string, ts.Type]> {
  if (type.flags & ts.TypeFlags.Never) return [];
  return checker
    .getPropertiesOfType(checker.getNonNullableType(type))
    .map((property) => [property.name, checker.getTypeOfSymbol(property)] as [string, ts.Type])
    .filter(([, member]) => !(checker.getNonNullableType(member).flags & ts.TypeFlags.Never));
}

function isTypeRole(role: ExportRole): role is TypeRole {
  return role === 'input' || role === 'output' || role === 'both';
}
