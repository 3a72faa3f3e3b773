// (b) A browser app closing a conversation with openapi-fetch typed by our `paths` (types only).
import type { paths } from '@conversation-kit/types';
import createClient from 'openapi-fetch';

const client = createClient<paths>({
  baseUrl: 'https://api.intercom.io',
  headers: { Authorization: 'Bearer token', 'Intercom-Version': '2.12' },
});
const { data } = await client.POST('/conversations/{id}/parts', {
  params: { path: { id: '123' } },
  body: { message_type: 'close', type: 'admin', admin_id: '991267' },
});
console.log(data?.state);
