// (c) A browser app closing a conversation with @conversation-kit/fetch.
import { createIntercomClient, manageConversation, operationTable } from '@conversation-kit/fetch';

const client = createIntercomClient({ token: 'token' });
// The path parameter's name in the API version the bindings describe.
const [parameter] = operationTable.manageConversation.pathParameters;
const { data } = await manageConversation(client, {
  params: { path: { [parameter]: '123' } },
  body: { message_type: 'close', type: 'admin', admin_id: '991267' },
});
console.log(data?.state);
