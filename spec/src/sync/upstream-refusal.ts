/**
 * Why an upstream document cannot be synced: it is not OpenAPI 3.0.x/3.1.x, it lacks the
 * operation, or one of its `$ref`s does not resolve. Nothing is written when it is thrown.
 *
 * @example
 * throw new UpstreamRefusal('upstream.yaml is Swagger 2.0; only OpenAPI 3.0.x and 3.1.x are synced');
 */
export class UpstreamRefusal extends Error {
  override name = 'UpstreamRefusal';
}
