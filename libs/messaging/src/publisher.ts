import { assertValid } from '@newsflow/contracts';
import type { AnyTopic, TopicPayloads } from '@newsflow/contracts';
import { Partitioners } from 'kafkajs';
import type { CompressionTypes, IHeaders, Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import { ByteWindow } from './byte-window';
import { TOPIC_COMPRESSION } from './compression';
import { MessageTooLargeError, sendFailure } from './errors';
import { DEFAULT_MESSAGE_LIMITS } from './message-limits';
import type { MessageLimits } from './message-limits';
import type { PipelineMetrics } from './metrics';

export interface OutboundMessage<T extends AnyTopic> {
  key: string;
  value: TopicPayloads[T];
  headers?: IHeaders;
}

export interface PublisherOptions {
  metrics?: PipelineMetrics;
  /** Byte limits (see message-limits.ts); default for `KAFKA_MAX_MESSAGE_BYTES` = 8 MiB. */
  limits?: MessageLimits;
  /** The codec of every produce request; the topics are created with the same one. */
  compression?: CompressionTypes;
}

/** Thrown to the callers whose messages were still queued when the publisher was closed. */
export class PublisherClosedError extends Error {
  override readonly name = 'PublisherClosedError';
}

/** A message checked and serialised for its topic, ready to send (see `prepare`). */
export interface PreparedMessage {
  topic: AnyTopic;
  key: string;
  value: Buffer;
  headers?: IHeaders;
}

interface Queued {
  message: PreparedMessage;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Publishes typed messages: the compiler rejects the wrong payload for a topic, and the payload
 * is checked against the topic's schema before it leaves, so a producer bug never reaches a
 * consumer.
 *
 * Every caller's messages go through one queue and one sender, which sends a produce request at
 * a time holding as many queued messages as fit in `limits.batchBytes` (a larger one alone),
 * compressed. Callers may publish concurrently (pages of several polls, a stage's output and
 * its dead letters): kafkajs's idempotent producer allows one request in flight, and concurrent
 * `send` calls on it wait on a lock that times out under load (KafkaJSLockTimeout), so the
 * queue is what lets many messages be in flight at once. While a request is out, new messages
 * gather behind it and leave together in the next: batching without a linger timer. The queue
 * holds at most `limits.bufferBytes` of values; `publish` waits for room beyond that, which
 * bounds a producer's memory however fast it produces.
 */
export class EventPublisher {
  private readonly producer: Producer;
  /** The byte limits it enforces; the topics it sends to are sized from the same. */
  readonly limits: MessageLimits;
  private readonly compression: CompressionTypes;
  private readonly metrics: PipelineMetrics | undefined;
  private connecting: Promise<void> | undefined;
  private readonly queue: Queued[] = [];
  /** Bytes of values queued or in flight, at most `limits.bufferBytes`. */
  private readonly buffer: ByteWindow;
  private sending: Promise<void> | undefined;
  private closed = false;

  constructor(kafka: Kafka, options: PublisherOptions = {}) {
    this.limits = options.limits ?? DEFAULT_MESSAGE_LIMITS;
    this.compression = options.compression ?? TOPIC_COMPRESSION;
    this.metrics = options.metrics;
    this.buffer = new ByteWindow(this.limits.bufferBytes);
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
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    await this.connecting;
  }

  /** The largest value, in bytes of JSON, that `topic` takes. */
  maxValueBytes(topic: AnyTopic): number {
    return topic.endsWith('.dlq') ? this.limits.deadLetterValueBytes : this.limits.valueBytes;
  }

  /**
   * Resolves once the broker has the message (acks from all in-sync replicas). Throws
   * InvalidEventError or MessageTooLargeError before anything is sent, or the send's error.
   */
  async publish<T extends AnyTopic>(
    topic: T,
    key: string,
    value: TopicPayloads[T],
    headers?: IHeaders,
  ): Promise<void> {
    const { delivered } = await this.send(this.prepare(topic, key, value, headers));
    await delivered;
  }

  /**
   * Validates and serialises a message, and checks its size against its topic's limit: throws
   * InvalidEventError or MessageTooLargeError, neither worth a retry. The prepared message holds
   * its value as UTF-8 bytes, so a caller holding it for a retry holds no more than that.
   */
  prepare<T extends AnyTopic>(
    topic: T,
    key: string,
    value: TopicPayloads[T],
    headers?: IHeaders,
  ): PreparedMessage {
    assertValid(topic, value);
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    const limit = this.maxValueBytes(topic);
    if (bytes.length > limit) throw new MessageTooLargeError(topic, key, bytes.length, limit);
    return { topic, key, value: bytes, headers };
  }

  /**
   * Waits for room in the buffer, then queues the message; `delivered` settles when the broker
   * has it or the send failed. Returning once queued lets a producer go on with its next message
   * (fetch the next page) while this one is in flight, and stop when the buffer is full.
   */
  async send(message: PreparedMessage): Promise<{ delivered: Promise<void> }> {
    if (this.closed) throw new PublisherClosedError('the publisher is closed');
    await this.connect();
    if (!(await this.buffer.take(message.value.length)))
      throw new PublisherClosedError('the publisher is closed');
    const delivered = new Promise<void>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
    });
    this.startSending();
    return { delivered };
  }

  /** Every message, concurrently; rejects with the first failure once all have settled. */
  async publishMany<T extends AnyTopic>(topic: T, messages: OutboundMessage<T>[]): Promise<void> {
    await allDelivered(messages.map((m) => this.publish(topic, m.key, m.value, m.headers)));
  }

  /**
   * Messages prepared beforehand (a stage prepares its batch's output first, so that one it
   * cannot send is refused before any is sent), all in flight at once: they leave together in
   * as few requests as fit. Rejects with the first failure once all have settled.
   */
  async publishPrepared(messages: readonly PreparedMessage[]): Promise<void> {
    await allDelivered(
      messages.map(async (message) => {
        const { delivered } = await this.send(message);
        await delivered;
      }),
    );
  }

  /**
   * Lets the request in flight finish, fails what is still queued (its callers keep their
   * messages and may publish them elsewhere later), and disconnects.
   */
  async disconnect(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const queued of this.queue.splice(0)) {
      queued.reject(new PublisherClosedError('the publisher closed before this message was sent'));
    }
    this.buffer.close();
    await this.sending;
    if (this.connecting) {
      this.connecting = undefined;
      await this.producer.disconnect();
    }
  }

  private startSending(): void {
    this.sending ??= this.drain().finally(() => {
      this.sending = undefined;
      if (this.queue.length > 0 && !this.closed) this.startSending();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      try {
        await this.producer.sendBatch({
          acks: -1,
          compression: this.compression,
          topicMessages: byTopic(batch),
        });
        for (const queued of batch) queued.resolve();
        this.countPublished(batch);
      } catch (error) {
        const failure = sendFailure(error);
        for (const queued of batch) queued.reject(failure);
      } finally {
        for (const queued of batch) this.buffer.give(queued.message.value.length);
      }
    }
  }

  /** The oldest queued messages that fit in one request together (at least one). */
  private takeBatch(): Queued[] {
    let bytes = 0;
    let count = 0;
    for (const queued of this.queue) {
      const size = queued.message.value.length;
      if (count > 0 && bytes + size > this.limits.batchBytes) break;
      bytes += size;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private countPublished(batch: Queued[]): void {
    if (!this.metrics) return;
    for (const { message } of batch) {
      this.metrics.published.inc({ topic: message.topic });
      this.metrics.publishedBytes.inc({ topic: message.topic }, message.value.length);
    }
  }
}

async function allDelivered(deliveries: Promise<void>[]): Promise<void> {
  const outcomes = await Promise.allSettled(deliveries);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

function byTopic(batch: Queued[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { message } of batch) {
    const { topic, key, value, headers } = message;
    const messages = topics.get(topic) ?? [];
    messages.push({ key, value, headers });
    topics.set(topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
