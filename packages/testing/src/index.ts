export { startFakeIntercom } from './start-fake-intercom.js';
export type {
  FakeIntercom,
  FakeIntercomOptions,
  FakeConversations,
  FakeDirectory,
  DirectorySeed,
  RecordedRequest,
  AssignmentBehaviour,
  FakeLimits,
  FakeTimeouts,
  RecordingLimits,
} from './fake-intercom.js';
export type { ConversationSeed } from './conversation-factory.js';
export type { Fault, FaultHandle, FaultTrigger } from './faults.js';
