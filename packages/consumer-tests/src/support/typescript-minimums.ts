import { typecheck } from './compilers.js';
import type { ImportedName } from './packages.js';

/** The oldest TypeScript a package's declarations type-check with, and why not one older. */
export interface TypeScriptMinimum {
  /** The oldest release (its last patch) that type-checks every entry point, strict, with skipLibCheck off. */
  oldest: string;
  /**
   * The release before it, and the error it reports: in the declarations of package `in`, or
   * anywhere when `in` is absent.
   */
  previous: { version: string; code: string; in?: string; because: string };
}

// fetch, and conversations and redis through it, depend on openapi-fetch, whose declarations need 5.4.
const OPENAPI_FETCH_MINIMUM: TypeScriptMinimum = {
  oldest: '5.4.5',
  previous: {
    version: '5.3.3',
    code: 'TS2344',
    in: 'openapi-fetch',
    because: "openapi-fetch's declarations need 5.4",
  },
};

/**
 * What each package's README states as its oldest TypeScript, as the consumer tests check it:
 * `oldest` passes and `previous` fails, both with module nodenext, from an ES module and from
 * CommonJS.
 *
 * @example
 * TYPESCRIPT_MINIMUMS['@conversation-kit/fetch'].oldest; // '5.4.5'
 */
export const TYPESCRIPT_MINIMUMS: Record<ImportedName, TypeScriptMinimum> = {
  '@conversation-kit/spec': {
    oldest: '4.9.5',
    previous: {
      version: '4.8.4',
      code: 'TS1479',
      because:
        '4.7 and 4.8 read `typesVersions` (there for node10) before `exports`, so a CommonJS file gets the ES module declarations of spec/validator',
    },
  },
  '@conversation-kit/types': {
    oldest: '5.0.4',
    previous: {
      version: '4.9.5',
      code: 'TS1383',
      in: '@conversation-kit/types',
      because: '`export type *` came in 5.0',
    },
  },
  '@conversation-kit/fetch': OPENAPI_FETCH_MINIMUM,
  '@conversation-kit/conversations': OPENAPI_FETCH_MINIMUM,
  // Its declarations import the wrapper's, and so openapi-fetch's.
  '@conversation-kit/redis': OPENAPI_FETCH_MINIMUM,
  '@conversation-kit/testing': {
    oldest: '5.2.2',
    previous: {
      version: '5.1.6',
      code: 'TS2726',
      in: '@conversation-kit/testing',
      because: 'its declarations reference lib esnext.disposable (for AsyncDisposable), new in 5.2',
    },
  },
};

/**
 * Type-checks a folder written by `writeEntryPointProbe` and resolves to the exit code, the codes
 * of the errors reported in the declarations of package `within` (of all errors without it), and
 * the compiler's output.
 *
 * @example
 * const { codes } = await probeErrors(tsc, probe, 'openapi-fetch'); // ['TS2344', …]
 */
export async function probeErrors(
  tsc: string,
  probe: string,
  within?: string,
): Promise<{ code: number | null; codes: string[]; output: string }> {
  const { code, diagnostics, output } = await typecheck(tsc, probe, 'tsconfig.json');
  const codes = diagnostics
    .filter(({ file }) => within === undefined || file.includes(`node_modules/${within}/`))
    .map(({ code: error }) => error);
  return { code, codes, output };
}
