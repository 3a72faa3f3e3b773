import type { EffectiveSpec } from './effective-spec.js';
import { generatedHeader } from './generated-header.js';
import { defaultIntercomVersion } from './intercom-version.js';
import { listOperations, type OperationEntry } from './operations.js';
import { listServers } from './servers.js';
import { tsdoc } from './tsdoc.js';

const FETCH_PACKAGE = '@conversation-kit/fetch';

/**
 * Generates the fetch package's bindings: `operations.ts` (the operations, servers and default
 * `Intercom-Version`, as data) and `functions.ts` (one typed function per operation). Returns
 * unformatted text keyed by file name.
 *
 * @example
 * const files = generateFetch(await loadEffectiveSpec());
 * files['functions.ts']; // 'export function manageConversation(client, init) { … }'
 */
export function generateFetch(spec: EffectiveSpec): Record<string, string> {
  const operations = listOperations(spec.document);
  return {
    'operations.ts': generatedHeader(spec) + operationsTable(spec.document, operations),
    'functions.ts': generatedHeader(spec) + operationFunctions(spec.document, operations),
  };
}

function operationsTable(document: Record<string, unknown>, operations: OperationEntry[]): string {
  const servers = listServers(document);
  const version = defaultIntercomVersion(document);
  const rows = operations.map(
    (operation) =>
      `${operation.operationId}: { method: ${JSON.stringify(operation.method.toUpperCase())}, path: ${JSON.stringify(operation.path)}, pathParameters: ${JSON.stringify(operation.pathParameters)} },`,
  );
  const serverRows = servers.map((server) => `${server.region}: ${JSON.stringify(server.url)},`);
  return `${tsdoc(
    'Every operation these bindings cover, by operationId: its HTTP method, its path template, and the names of the path parameters the template holds, in order.',
    operations
      .slice(0, 1)
      .map(
        (operation) =>
          `import { operationTable } from '${FETCH_PACKAGE}';\noperationTable.${operation.operationId}.path; // '${operation.path}'\noperationTable.${operation.operationId}.pathParameters; // ${JSON.stringify(operation.pathParameters).replaceAll('"', "'")}`,
      )
      .join(''),
  )}
export const operationTable = {
${rows.join('\n')}
} as const;

${tsdoc(
  `Intercom's API servers by region: ${servers.map((server) => `\`${server.region}\` (${server.description ?? server.url})`).join(', ')}.`,
  `import { servers } from '${FETCH_PACKAGE}';\nservers.${servers[0]!.region}; // '${servers[0]!.url}'`,
)}
export const servers = {
${serverRows.join('\n')}
} as const;

${tsdoc(
  'A region whose server the client can call.',
  `import type { Region } from '${FETCH_PACKAGE}';\nconst region: Region = '${servers[0]!.region}';`,
)}
export type Region = keyof typeof servers;

${tsdoc(
  'The `Intercom-Version` header the bindings send by default: the version the types describe.',
  `import { defaultIntercomVersion } from '${FETCH_PACKAGE}'; // '${version}'`,
)}
export const defaultIntercomVersion = ${JSON.stringify(version)};
`;
}

function operationFunctions(
  document: Record<string, unknown>,
  operations: OperationEntry[],
): string {
  const functions = operations.map((operation) => {
    const method = operation.method.toUpperCase();
    const pathType = `paths[${JSON.stringify(operation.path)}]`;
    const initType = `MaybeOptionalInit<${pathType}, ${JSON.stringify(operation.method)}>`;
    const example = `const { data, error } = await ${operation.operationId}(client, ${exampleInit(document, operation)});`;
    return `${tsdoc(
      `${operation.summary}: \`${method} ${operation.path}\`, through an openapi-fetch client.`,
      `import { createIntercomClient, ${operation.operationId} } from '${FETCH_PACKAGE}';\nconst client = createIntercomClient({ token });\n${example}`,
    )}
export function ${operation.operationId}(
  client: Client<paths>,
  // Not a type parameter: excess-property checks apply only to a concrete type, so a body
  // with another action's fields stays a type error.
  init: ${initType},
  // Spelled out, so that the declarations name it through named imports: an inferred type
  // would import openapi-fetch as a namespace, and TypeScript 7 finds no types in the namespace
  // of its CommonJS declarations (they use \`export =\`).
): Promise<FetchResponse<${pathType}[${JSON.stringify(operation.method)}], ${initType}, \`\${string}/\${string}\`>> {
  return client.${method}(${JSON.stringify(operation.path)}, init);
}`;
  });
  return `import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from '@conversation-kit/types';

${functions.join('\n\n')}
`;
}

// The example call uses the operation's first request example and its path parameters' examples.
function exampleInit(document: Record<string, unknown>, operation: OperationEntry): string {
  const paths = document['paths'] as Record<string, Record<string, Record<string, unknown>>>;
  const node = paths[operation.path]![operation.method]!;
  const pathParams: Record<string, unknown> = {};
  for (const parameter of (node['parameters'] ?? []) as Array<Record<string, unknown>>) {
    if (parameter['in'] === 'path')
      pathParams[parameter['name'] as string] = parameter['example'] ?? '…';
  }
  const media = (node['requestBody'] as { content?: Record<string, Record<string, unknown>> })
    ?.content?.['application/json'];
  const examples = Object.values(
    (media?.['examples'] ?? {}) as Record<string, { value?: unknown }>,
  );
  const body = media?.['example'] ?? examples[0]?.value;
  const init: Record<string, unknown> = { params: { path: pathParams } };
  if (body !== undefined) init['body'] = body;
  return JSON.stringify(init, null, 2);
}
