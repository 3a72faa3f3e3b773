export { loadEffectiveSpec, DEFAULT_SPEC, type EffectiveSpec } from './effective-spec.js';
export { generateTypes } from './generate-types.js';
export { generateFetch } from './generate-fetch.js';
export {
  prepareGeneratedFiles,
  writeGeneratedDirectory,
  findDrift,
} from './generated-directory.js';
export { typeAliasName, pascalCase } from './type-alias-name.js';
export { specStamp, stampPackageJson, STAMP_FIELD, type SpecStamp } from './spec-stamp.js';
