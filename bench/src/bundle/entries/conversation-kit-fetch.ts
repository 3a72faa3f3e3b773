// (c) A browser app closing a conversation with @conversation-kit/fetch.
import { createIntercomClient, manageConversation } from '@conversation-kit/fetch';

const client = createIntercomClient({ token: 'token' });
const { data } = await manageConversation(client, {
  params: { path: { id: '123' } },
  body: { message_type: 'close', type: 'admin', admin_id: '991267' },
});
console.log(data?.state);
