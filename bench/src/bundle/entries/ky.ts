// (f) A browser app closing a conversation with ky.
import ky from 'ky';

const closed = await ky
  .post('https://api.intercom.io/conversations/123/parts', {
    headers: { Authorization: 'Bearer token', 'Intercom-Version': '2.12' },
    json: { message_type: 'close', type: 'admin', admin_id: '991267' },
  })
  .json<{ state: string }>();
console.log(closed.state);
