import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The version of this generator, as its package.json gives it.
 *
 * @example
 * console.log(`codegen ${generatorVersion}`);
 */
export const generatorVersion: string = (require('../package.json') as { version: string }).version;
