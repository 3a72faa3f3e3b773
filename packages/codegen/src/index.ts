export {
  loadEffectiveSpec,
  effectiveSpecModule,
  DEFAULT_SPEC,
  PINNED_API_VERSION,
  type EffectiveSpec,
} from './effective-spec.js';
export { generateTypes } from './generate-types.js';
export { generateFetch } from './generate-fetch.js';
export { generateAliasChecks } from './generate-alias-checks.js';
export {
  prepareGeneratedFiles,
  writeGeneratedDirectory,
  findDrift,
} from './generated-directory.js';
export { typeAliasName, pascalCase } from './type-alias-name.js';
export { specStamp, stampPackageJson, STAMP_FIELD, type SpecStamp } from './spec-stamp.js';
export { highestBump, byBumpDescending, type Bump } from './semver/bump.js';
export {
  classifySpecChange,
  type ClassifiedPackage,
  type PackageVerdict,
  type SpecChangeClassification,
} from './semver/classify-spec-change.js';
export { compareDeclarations } from './semver/compare-declarations.js';
export type { DeclarationPackage, Version } from './semver/declaration-package.js';
export type { ExportRole, ExportRoles } from './semver/export-roles.js';
export type { ExportedTypeChange } from './semver/exported-type-change.js';
export { explicitRuleChanges, type RuleChange, type RuleName } from './semver/explicit-rules.js';
export type { TypeRole } from './semver/type-role.js';
