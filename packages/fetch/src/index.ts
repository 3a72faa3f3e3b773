export { createIntercomClient, type IntercomClientOptions } from './create-intercom-client.js';
export { manageConversation } from './generated/functions.js';
export {
  operationTable,
  servers,
  defaultIntercomVersion,
  type Region,
} from './generated/operations.js';
export type * from '@conversation-kit/types';
