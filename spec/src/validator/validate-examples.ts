import { collectExamples } from './collect-examples.js';
import { createSchemaValidator, describeProblems } from './schema-validator.js';

/** An example that does not satisfy its own schema. */
export interface InvalidExample {
  /** JSON Pointer of the example value in the document. */
  pointer: string;
  /** What the validator said, one line per problem, each naming the place inside the example. */
  problems: string[];
}

/** The outcome of checking every example of a document. */
export interface ExampleReport {
  checked: number;
  invalid: InvalidExample[];
}

/**
 * Validates every example in an OpenAPI 3.0 document against the schema it sits beside, with
 * OpenAPI 3.0 semantics (`nullable`, `$ref` siblings ignored), formats being annotations.
 *
 * @example
 * const report = validateExamples(document);
 * if (report.invalid.length > 0) process.exitCode = 1;
 */
export function validateExamples(document: Record<string, unknown>): ExampleReport {
  const validator = createSchemaValidator(document);
  const examples = collectExamples(document);
  const invalid: InvalidExample[] = [];
  for (const example of examples) {
    const problems = validator.validate(example.schema, example.value);
    if (problems.length > 0) {
      invalid.push({ pointer: example.pointer, problems: describeProblems(problems) });
    }
  }
  return { checked: examples.length, invalid };
}
