import type {
  AiAgent,
  AssignConversationRequest,
  CloseConversationRequest,
  components,
  ContactReference,
  ContentSource,
  ContentSourcesList,
  Conversation,
  ConversationContacts,
  ConversationFirstContactReply,
  ConversationPart,
  ConversationPartAuthor,
  ConversationParts,
  ConversationRating,
  ConversationResponseTime,
  ConversationSource,
  ConversationStatistics,
  ConversationTeammates,
  IntercomError,
  IntercomVersion,
  LinkedObject,
  LinkedObjectList,
  ManageConversationRequest,
  ManageConversationResponse,
  OpenConversationRequest,
  operations,
  PartAttachment,
  paths,
  Reference,
  SlaApplied,
  SnoozeConversationRequest,
  Tag,
  Tags,
} from './index.js';

type Schemas = components['schemas'];
type ManageConversation = operations['manageConversation'];

test('the schema aliases name their schemas', () => {
  type Aliases = {
    intercom_version: IntercomVersion;
    close_conversation_request: CloseConversationRequest;
    snooze_conversation_request: SnoozeConversationRequest;
    open_conversation_request: OpenConversationRequest;
    assign_conversation_request: AssignConversationRequest;
    conversation: Conversation;
    tags: Tags;
    tag: Tag;
    conversation_rating: ConversationRating;
    contact_reference: ContactReference;
    reference: Reference;
    conversation_source: ConversationSource;
    conversation_part_author: ConversationPartAuthor;
    part_attachment: PartAttachment;
    conversation_contacts: ConversationContacts;
    conversation_teammates: ConversationTeammates;
    conversation_first_contact_reply: ConversationFirstContactReply;
    sla_applied: SlaApplied;
    conversation_statistics: ConversationStatistics;
    conversation_parts: ConversationParts;
    conversation_part: ConversationPart;
    linked_object_list: LinkedObjectList;
    linked_object: LinkedObject;
    ai_agent: AiAgent;
    content_sources_list: ContentSourcesList;
    content_source: ContentSource;
    conversation_response_time: ConversationResponseTime;
    error: IntercomError;
  };
  // The names consumers import today stay; a newer API version may add schemas beside them.
  expectTypeOf<Pick<Schemas, keyof Aliases>>().toEqualTypeOf<Aliases>();
});

test('the operation aliases are its request and 200 bodies', () => {
  expectTypeOf<ManageConversationRequest>().toEqualTypeOf<
    ManageConversation['requestBody']['content']['application/json']
  >();
  expectTypeOf<ManageConversationResponse>().toEqualTypeOf<
    ManageConversation['responses'][200]['content']['application/json']
  >();
  // The one path, whatever the API version names its parameter.
  expectTypeOf<paths[keyof paths]['post']>().toEqualTypeOf<ManageConversation>();
});

test('the request body is required', () => {
  expectTypeOf<ManageConversation>().toHaveProperty('requestBody');
  expectTypeOf<undefined>().not.toExtend<ManageConversation['requestBody']>();
});

test('every error response is an error.list', () => {
  type ErrorBody<Status extends keyof ManageConversation['responses']> =
    ManageConversation['responses'][Status]['content']['application/json'];
  expectTypeOf<ErrorBody<400>>().toEqualTypeOf<IntercomError>();
  expectTypeOf<ErrorBody<401>>().toEqualTypeOf<IntercomError>();
  expectTypeOf<ErrorBody<403>>().toEqualTypeOf<IntercomError>();
  expectTypeOf<ErrorBody<404>>().toEqualTypeOf<IntercomError>();
  expectTypeOf<ErrorBody<429>>().toEqualTypeOf<IntercomError>();
});

test('rate-limited responses declare the X-RateLimit headers', () => {
  type RateLimit = 'X-RateLimit-Limit' | 'X-RateLimit-Remaining' | 'X-RateLimit-Reset';
  type RateLimitHeaders<Status extends keyof ManageConversation['responses']> = Pick<
    ManageConversation['responses'][Status]['headers'],
    RateLimit
  >;
  expectTypeOf<RateLimitHeaders<200>>().toEqualTypeOf<Record<RateLimit, number>>();
  expectTypeOf<RateLimitHeaders<400>>().toEqualTypeOf<Record<RateLimit, number>>();
  expectTypeOf<RateLimitHeaders<403>>().toEqualTypeOf<Record<RateLimit, number>>();
  expectTypeOf<RateLimitHeaders<404>>().toEqualTypeOf<Record<RateLimit, number>>();
  expectTypeOf<RateLimitHeaders<429>>().toEqualTypeOf<Record<RateLimit, number>>();
});

test('nothing shadows the global Error', () => {
  // @ts-expect-error: the error schema is exported as IntercomError only
  type Shadow = import('./index.js').Error;
  expectTypeOf<Shadow>().toBeAny();
});
