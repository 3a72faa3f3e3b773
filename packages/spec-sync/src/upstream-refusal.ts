/**
 * Why an upstream document cannot be synced: it is not OpenAPI 3.0.x/3.1.x, it lacks the
 * operation, one of its `$ref`s does not resolve, or it describes another API version than the
 * packages are pinned to. Nothing is written when it is thrown. `hint` says what to do instead.
 *
 * @example
 * throw new UpstreamRefusal('the document is Swagger 2.0; only OpenAPI 3.0.x and 3.1.x are synced');
 */
export class UpstreamRefusal extends Error {
  override readonly name = 'UpstreamRefusal';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
