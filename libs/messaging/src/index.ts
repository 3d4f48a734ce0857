// Kafka, and only Kafka: the typed publisher, the consumer runner and its delivery rules, dead
// letters, topics, lag, and the Nest transport and decorators (@OnTopic, @OnTopicBatch) stages
// declare their handlers with. Where a change goes: what a failure means is libs/runtime's
// classifier; a kafkajs error that needs another meaning is turned into one of runtime's classes
// here (errors.ts, sendFailure); a new consumer is a method in its app, not code here.
export { ConsumerRunner } from './consumer-runner';
export type {
  ConsumerRunnerOptions,
  InboundEvent,
  RunnerStats,
  StageHandler,
} from './consumer-runner';
export { buildDeadLetter } from './dead-letter';
export { GROUP_LAG_REFRESH_MS, GroupLagReporter } from './group-lag-reporter';
export {
  DeadLetterReplayer,
  InvalidDeadLetterIdError,
  REPLAYED_FROM_HEADER,
  ReplayRefusedError,
  formatDeadLetterId,
  parseDeadLetterId,
  parseDeadLetterReplay,
  restoreOriginal,
} from './dead-letter-replay';
export type { DeadLetterId, DeadLetterReplay, OriginalMessage } from './dead-letter-replay';
export { computeGroupLag, consumerGroupIds, partitionLag, readGroupLag } from './group-lag';
export type { GroupLag, GroupMember, GroupSnapshot, PartitionLag } from './group-lag';
export { rangesToEnd, readRanges } from './topic-reader';
export type { PartitionRange, ReadRangesOptions } from './topic-reader';
export { MessageTooLargeError, UnprocessableItems } from './errors';
export { createKafka } from './kafka-client';
export type { KafkaConnection } from './kafka-client';
export { EventPublisher, PublisherClosedError } from './publisher';
export { publishBatch } from './batch-output';
export type { OutboundMessage, PreparedMessage, PublisherOptions } from './publisher';
export { DEFAULT_MESSAGE_LIMITS, compressedBound, messageLimits } from './message-limits';
export type { MessageLimits } from './message-limits';
export {
  MAX_DECOMPRESSED_BYTES,
  TOPIC_COMPRESSION,
  TOPIC_COMPRESSION_NAME,
  registerCompressionCodecs,
  zstdCodec,
  zstdContentSize,
} from './compression';
export { HoldingPublisher, HoldingStoppedError } from './holding-publisher';
export type { DeliveryOutcome, HoldingOptions } from './holding-publisher';
export { ensureReplaysTopic, ensureTopics, topicConfig } from './topic-admin';
export type { TopicLayout } from './topic-admin';
export { BATCH, KAFKA_STAGE_TRANSPORT, KafkaStageTransport } from './nest/kafka-stage.transport';
export type { KafkaStageTransportOptions } from './nest/kafka-stage.transport';
export { OnTopic, OnTopicBatch } from './nest/on-topic';
export { StageContext } from './nest/stage-context';
export { StageConsumer, StageErrorsFilter } from './nest/stage-errors.filter';
export { PipelineMetrics } from './metrics';
export { bootstrapStage } from './nest/bootstrap-stage';
export type { StageOptions } from './nest/bootstrap-stage';
export {
  KAFKA,
  KAFKA_CONFIG,
  MESSAGE_LIMITS,
  MessagingModule,
  STAGE_NAME,
} from './nest/messaging.module';
export { StageReadiness } from './nest/stage-readiness';
