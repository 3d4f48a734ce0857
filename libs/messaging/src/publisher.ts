import { assertValid } from '@newsflow/contracts';
import type { AnyTopic, TopicPayloads } from '@newsflow/contracts';
import { Partitioners } from 'kafkajs';
import type { IHeaders, Kafka, Producer } from 'kafkajs';
import type { PipelineMetrics } from './metrics';

export interface OutboundMessage<T extends AnyTopic> {
  key: string;
  value: TopicPayloads[T];
  headers?: IHeaders;
}

/**
 * Publishes typed messages: the compiler rejects the wrong payload for a topic, and the payload
 * is checked against the topic's schema before it leaves, so a producer bug never reaches a
 * consumer. Idempotent producer: a retried send is written once per partition.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly metrics?: PipelineMetrics,
  ) {
    // Idempotence needs one request in flight per connection (kafkajs enforces it). The
    // default partitioner is murmur2 like the Java client's, so other producers of the same
    // key land on the same partition.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async publish<T extends AnyTopic>(
    topic: T,
    key: string,
    value: TopicPayloads[T],
    headers?: IHeaders,
  ): Promise<void> {
    await this.publishMany(topic, [{ key, value, headers }]);
  }

  /** One produce request for many messages: kafkajs has no linger, so callers batch. */
  async publishMany<T extends AnyTopic>(topic: T, messages: OutboundMessage<T>[]): Promise<void> {
    if (messages.length === 0) return;
    for (const message of messages) assertValid(topic, message.value);
    await this.connect();
    await this.producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({
        key: m.key,
        value: JSON.stringify(m.value),
        headers: m.headers,
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
