// (d) A browser app closing a conversation with @conversation-kit/conversations: the budgeted one.
import { createConversations } from '@conversation-kit/conversations';

const conversations = createConversations({ token: 'token' });
const closed = await conversations.close('123', { adminId: '991267' });
console.log(closed.state);
