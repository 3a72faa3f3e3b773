import { validateExamples, type InvalidExample } from '@conversation-kit/spec/validator';
import type { JsonObject } from '@conversation-kit/spec/document';

/**
 * Examples that contradict their own schema, upstream and after our corrections.
 *
 * @example
 * const { upstreamDefects, missingCorrections }: ExamplesReport = examplesReport(fragment, effective);
 */
export interface ExamplesReport {
  /** Every example of upstream's fragment that breaks its schema: upstream's own defects. */
  upstreamDefects: InvalidExample[];
  /** Examples still invalid once the overlay is applied: a correction is missing. */
  missingCorrections: InvalidExample[];
}

/**
 * Validates the examples of the new fragment (upstream's defects) and of the new effective document
 * (what the overlay leaves uncorrected), each invalid example named by its JSON Pointer. A document
 * whose schemas cannot be compiled is reported as one problem at its root.
 *
 * @example
 * const { upstreamDefects, missingCorrections } = examplesReport(fragment, effective);
 * if (missingCorrections.length > 0) process.exitCode = 1;
 */
export function examplesReport(fragment: JsonObject, effective: JsonObject): ExamplesReport {
  return {
    upstreamDefects: invalidExamples(fragment),
    missingCorrections: invalidExamples(effective),
  };
}

function invalidExamples(document: JsonObject): InvalidExample[] {
  try {
    return validateExamples(document).invalid;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ pointer: '', problems: [`the examples could not be checked: ${message}`] }];
  }
}
