// (e) A browser app closing a conversation with Intercom's own SDK.
import { IntercomClient } from 'intercom-client';

const client = new IntercomClient({ token: 'token', version: '2.12' });
const closed = await client.conversations.manage({
  conversation_id: '123',
  body: { message_type: 'close', type: 'admin', admin_id: '991267' },
});
console.log(closed.state);
