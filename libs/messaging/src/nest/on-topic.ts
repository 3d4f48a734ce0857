import { EventPattern, Payload } from '@nestjs/microservices';
import type { ArticleTopic, TopicPayloads } from '@newsflow/contracts';
import { BATCH } from './kafka-stage.transport';

/** A consumer method for one event of topic T: its payload type is the topic's. */
type EventMethod<T extends ArticleTopic> = (payload: TopicPayloads[T]) => Promise<void>;

/** A consumer method for a batch of topic T's events. */
type BatchMethod<T extends ArticleTopic> = (batch: TopicPayloads[T][]) => Promise<void>;

/**
 * `@OnTopic(Topic.ArticleParsed)`: the method consumes that topic, one schema-checked event at a
 * time, through KafkaStageTransport. The method must take the topic's payload type: a method
 * typed for another topic does not compile.
 */
export function OnTopic<T extends ArticleTopic>(topic: T) {
  return (
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<EventMethod<T>>,
  ) => {
    EventPattern(topic)(target, key, descriptor);
    Payload()(target, key, 0);
  };
}

/**
 * `@OnTopicBatch(Topic.ArticleFetched)`: as OnTopic, with every valid event of a fetched batch
 * at once (an array of the topic's payload type).
 */
export function OnTopicBatch<T extends ArticleTopic>(topic: T) {
  return (
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<BatchMethod<T>>,
  ) => {
    EventPattern(topic, BATCH)(target, key, descriptor);
    Payload()(target, key, 0);
  };
}
