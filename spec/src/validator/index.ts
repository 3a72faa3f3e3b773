export {
  createSchemaValidator,
  describeProblems,
  type SchemaProblem,
  type SchemaValidator,
} from './schema-validator.js';
export { validateExamples, type ExampleReport, type InvalidExample } from './validate-examples.js';
