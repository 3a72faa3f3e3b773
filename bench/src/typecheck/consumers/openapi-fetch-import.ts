// Attribution: only a type from openapi-fetch, no call. With skipLibCheck false this alone makes
// tsc check openapi-fetch's declarations, which every other consumer here reaches too.
import type { Client } from 'openapi-fetch';

export type AnyClient = Client<Record<string, never>>;
