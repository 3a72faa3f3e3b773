// (b) A browser app closing a conversation with openapi-fetch typed by our `paths` (types only,
// apart from the few bytes of the operation table below).
import type { paths } from '@conversation-kit/types';
import createClient from 'openapi-fetch';
// Only to follow the API version the types describe: the path template and its parameter's name.
import { operationTable } from '@conversation-kit/fetch';

const {
  path,
  pathParameters: [parameter],
} = operationTable.manageConversation;

const client = createClient<paths>({
  baseUrl: 'https://api.intercom.io',
  headers: { Authorization: 'Bearer token', 'Intercom-Version': '2.12' },
});
const { data } = await client.POST(path, {
  params: { path: { [parameter]: '123' } },
  body: { message_type: 'close', type: 'admin', admin_id: '991267' },
});
console.log(data?.state);
