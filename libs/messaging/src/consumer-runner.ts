import { deadLetterReasons, deadLetterTopicOf, parseEvent } from '@newsflow/contracts';
import type { ArticleTopic, TopicPayloads } from '@newsflow/contracts';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DEFAULT_BACKOFF, DEPENDENCY_BACKOFF, backoffDelay } from '@newsflow/runtime';
import type { BackoffPolicy } from '@newsflow/runtime';
import { buildDeadLetter } from './dead-letter';
import { classifyFailure, errorMessage } from '@newsflow/runtime';
import { UnprocessableItems } from './errors';
import type { Logger } from '@newsflow/runtime';
import type { PipelineMetrics } from './metrics';
import type { EventPublisher } from './publisher';
import type { DeadLetterReason } from '@newsflow/contracts';

/** A consumed message whose value has been validated against its topic's schema. */
export interface InboundEvent<P> {
  key: string | null;
  value: P;
  topic: string;
  partition: number;
  offset: string;
  headers: IHeaders;
}

/**
 * What a stage does with its messages. `each` handles one message at a time; `batch` takes every
 * valid message of a fetched batch at once (the store: one transaction; the parser and the
 * enricher: one produce request for the batch's output), and may refuse some of them by
 * throwing UnprocessableItems once the rest is done.
 */
export type StageHandler<P> =
  | { each: (event: InboundEvent<P>) => Promise<void> }
  | { batch: (events: InboundEvent<P>[]) => Promise<void> };

export interface ConsumerRunnerOptions<T extends ArticleTopic> {
  kafka: Kafka;
  /** Sends dead letters. */
  publisher: EventPublisher;
  /** The stage name written into dead letters and logs, e.g. "parser". */
  stage: string;
  groupId: string;
  topic: T;
  handler: StageHandler<TopicPayloads[T]>;
  logger: Logger;
  /** Attempts at a message failing for an unknown reason before it is dead-lettered. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Backoff while a dependency is down; there is no attempt limit for those. */
  dependencyBackoff?: BackoffPolicy;
  /** A new consumer group starts at the earliest offset, so nothing produced before it is missed. */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  metrics?: PipelineMetrics;
  /** How long the group waits for a silent member (a killed replica) before reassigning. */
  sessionTimeoutMs?: number;
}

export interface RunnerStats {
  consumed: number;
  handled: number;
  deadLettered: number;
  retries: number;
  committed: number;
}

type Outcome =
  | { status: 'ok' }
  | { status: 'failed'; code: DeadLetterReason; reason: string; attempts: number }
  | { status: 'stopped' };

/**
 * Runs one stage's consumer over kafkajs `eachBatch` with the project's delivery rules:
 * - offsets are committed only after the handler resolved, i.e. after the stage's output was
 *   produced or written (at-least-once; effects are idempotent downstream);
 * - an invalid message, or one that fails permanently or past `maxAttempts`, goes to
 *   `<topic>.dlq` with its original bytes and the reason, and the partition moves on;
 * - a dependency outage is waited out with backoff, heartbeating, without losing the message;
 * - `stop()` lets the in-flight message finish, commits what is done and leaves the group.
 */
export class ConsumerRunner<T extends ArticleTopic> {
  readonly stats: RunnerStats = {
    consumed: 0,
    handled: 0,
    deadLettered: 0,
    retries: 0,
    committed: 0,
  };
  private readonly consumer: Consumer;
  private stopping = false;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly dependencyBackoff: BackoffPolicy;

  constructor(private readonly options: ConsumerRunnerOptions<T>) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.dependencyBackoff = options.dependencyBackoff ?? DEPENDENCY_BACKOFF;
    const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout,
      // kafkajs's 3 s, or a third of a shorter session, so one late heartbeat is not an expulsion.
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    });
  }

  async start(): Promise<void> {
    const { groupId, topic } = this.options;
    const consumer = this.consumer;
    // Counted from zero at start, so a rate over them is 0, not "no data", until one happens,
    // and Prometheus sees the first one as an increase (a series born at 1 is not).
    const metrics = this.options.metrics;
    const labels = { stage: this.options.stage, topic };
    if (metrics) {
      for (const code of deadLetterReasons) metrics.deadLettered.inc({ ...labels, code }, 0);
      for (const counter of [
        metrics.consumed,
        metrics.handled,
        metrics.retries,
        metrics.dependencyWaits,
        metrics.dependencyWaitSeconds,
      ]) {
        counter.inc(labels, 0);
      }
    }
    await consumer.connect();
    await consumer.subscribe({
      topics: [topic],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.options.logger.info({ groupId, topic, stage: this.options.stage }, 'consumer started');
  }

  /** Resolves once the consumer has joined its group; call it before `start()`. */
  waitUntilAssigned(timeoutMs = 30_000): Promise<void> {
    const consumer = this.consumer;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`consumer ${this.options.groupId} not assigned within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    // kafkajs waits for the running eachBatch to return before it leaves the group.
    await this.consumer.disconnect();
    this.options.logger.info({ stats: this.stats, stage: this.options.stage }, 'consumer stopped');
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const live = () => !this.stopping && payload.isRunning() && !payload.isStale();
    const { handler } = this.options;
    this.stats.consumed += batch.messages.length;
    const labels = { stage: this.options.stage, topic: batch.topic };
    this.options.metrics?.consumed.inc(labels, batch.messages.length);
    this.options.metrics?.lag.set(
      { ...labels, partition: String(batch.partition) },
      Number(batch.offsetLag()),
    );
    const done =
      'each' in handler
        ? await this.runEach(payload, handler.each, live)
        : await this.runBatch(payload, handler.batch, live);
    if (done === undefined) return;
    await payload.commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [{ partition: batch.partition, offset: nextOffset(done) }],
        },
      ],
    });
    this.stats.committed += 1;
  }

  /** Handles messages in order; returns the last offset that is finished. */
  private async runEach(
    payload: EachBatchPayload,
    handle: (event: InboundEvent<TopicPayloads[T]>) => Promise<void>,
    live: () => boolean,
  ): Promise<string | undefined> {
    let done: string | undefined;
    for (const message of payload.batch.messages) {
      if (!live()) break;
      const event = await this.decodeOrDeadLetter(message, payload);
      if (event) {
        const outcome = await this.attempt(() => handle(event), payload, live);
        if (outcome.status === 'stopped') break;
        if (outcome.status === 'failed') await this.deadLetter(message, payload, outcome);
        else this.countHandled(payload.batch.topic, 1);
      }
      payload.resolveOffset(message.offset);
      done = message.offset;
      await payload.heartbeat();
    }
    return done;
  }

  /**
   * Hands every valid message of the batch to the handler at once. If the batch keeps failing,
   * its messages are retried one by one so a single poison message is isolated and dead-lettered
   * instead of taking its neighbours with it.
   */
  private async runBatch(
    payload: EachBatchPayload,
    handle: (events: InboundEvent<TopicPayloads[T]>[]) => Promise<void>,
    live: () => boolean,
  ): Promise<string | undefined> {
    const { messages } = payload.batch;
    const last = messages[messages.length - 1];
    if (!last) return undefined;
    const events: { message: KafkaMessage; event: InboundEvent<TopicPayloads[T]> }[] = [];
    for (const message of messages) {
      const event = await this.decodeOrDeadLetter(message, payload);
      if (event) events.push({ message, event });
    }
    if (events.length > 0) {
      const outcome = await this.handleTogether(events, handle, payload, live);
      if (outcome.status === 'stopped') return undefined;
      if (outcome.status === 'failed' && events.length === 1 && events[0]) {
        await this.deadLetter(events[0].message, payload, outcome);
      } else if (outcome.status === 'failed') {
        this.options.logger.warn(
          { topic: payload.batch.topic, partition: payload.batch.partition, size: events.length },
          'batch failed; isolating the failing message',
        );
        let done: string | undefined;
        for (const entry of events) {
          const single = await this.handleTogether([entry], handle, payload, live);
          if (single.status === 'stopped') return done;
          if (single.status === 'failed') await this.deadLetter(entry.message, payload, single);
          payload.resolveOffset(entry.message.offset);
          done = entry.message.offset;
        }
      }
    }
    payload.resolveOffset(last.offset);
    return last.offset;
  }

  /**
   * Hands the events to a batch handler, with retries. When it succeeds, the events it refused
   * (UnprocessableItems) are dead-lettered and the rest counted as handled.
   */
  private async handleTogether(
    entries: readonly { message: KafkaMessage; event: InboundEvent<TopicPayloads[T]> }[],
    handle: (events: InboundEvent<TopicPayloads[T]>[]) => Promise<void>,
    payload: EachBatchPayload,
    live: () => boolean,
  ): Promise<Outcome> {
    let refused: ReadonlyMap<number, unknown> = new Map();
    const outcome = await this.attempt(
      async () => {
        refused = new Map();
        try {
          await handle(entries.map((entry) => entry.event));
        } catch (error) {
          if (!(error instanceof UnprocessableItems)) throw error;
          refused = error.failures;
        }
      },
      payload,
      live,
    );
    if (outcome.status !== 'ok') return outcome;
    for (const [index, error] of refused) {
      const message = entries[index]?.message;
      if (message) await this.deadLetter(message, payload, refusal(error));
    }
    this.countHandled(payload.batch.topic, entries.length - refused.size);
    return outcome;
  }

  private countHandled(topic: string, count: number): void {
    this.stats.handled += count;
    this.options.metrics?.handled.inc({ stage: this.options.stage, topic }, count);
  }

  private async decodeOrDeadLetter(
    message: KafkaMessage,
    payload: EachBatchPayload,
  ): Promise<InboundEvent<TopicPayloads[T]> | undefined> {
    try {
      const value = parseEvent(this.options.topic, message.value);
      return {
        key: message.key ? message.key.toString('utf8') : null,
        value,
        topic: payload.batch.topic,
        partition: payload.batch.partition,
        offset: message.offset,
        headers: message.headers ?? {},
      };
    } catch (error) {
      const failure = classifyFailure(error);
      const code = failure.kind === 'permanent' ? failure.code : 'schema-violation';
      await this.deadLetter(message, payload, { code, reason: errorMessage(error), attempts: 1 });
      return undefined;
    }
  }

  private async attempt(
    work: () => Promise<void>,
    payload: EachBatchPayload,
    live: () => boolean,
  ): Promise<Outcome> {
    let attempts = 0;
    let outageWaits = 0;
    for (;;) {
      attempts += 1;
      const timer = this.options.metrics?.handleSeconds.startTimer({
        stage: this.options.stage,
        topic: payload.batch.topic,
      });
      try {
        await work();
        timer?.();
        return { status: 'ok' };
      } catch (error) {
        const failure = classifyFailure(error);
        const context = {
          topic: payload.batch.topic,
          partition: payload.batch.partition,
          stage: this.options.stage,
          error: errorMessage(error),
        };
        if (failure.kind === 'permanent') {
          return { status: 'failed', code: failure.code, reason: errorMessage(error), attempts };
        }
        let delay: number;
        if (failure.kind === 'dependency') {
          // Not the message's fault: wait as long as it takes, without spending its attempts.
          attempts -= 1;
          outageWaits += 1;
          delay = backoffDelay(outageWaits, this.dependencyBackoff);
          this.options.logger.warn(
            { ...context, retryInMs: delay },
            'dependency unavailable; pausing',
          );
        } else {
          if (attempts >= this.maxAttempts) {
            return {
              status: 'failed',
              code: 'retries-exhausted',
              reason: errorMessage(error),
              attempts,
            };
          }
          delay = backoffDelay(attempts, this.backoff);
          this.options.logger.warn(
            { ...context, attempts, retryInMs: delay },
            'handler failed; retrying',
          );
        }
        this.stats.retries += 1;
        const labels = { stage: this.options.stage, topic: payload.batch.topic };
        if (failure.kind === 'dependency') this.options.metrics?.dependencyWaits.inc(labels);
        else this.options.metrics?.retries.inc(labels);
        const pausedAt = Date.now();
        const resumed = await this.pause(delay, payload, live);
        if (failure.kind === 'dependency') {
          this.options.metrics?.dependencyWaitSeconds.inc(labels, (Date.now() - pausedAt) / 1000);
        }
        if (!resumed) return { status: 'stopped' };
      }
    }
  }

  /** Sleeps in short slices, heartbeating so the group keeps us; false if we must stop. */
  private async pause(
    ms: number,
    payload: EachBatchPayload,
    live: () => boolean,
  ): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!live()) return false;
      await sleep(Math.min(250, until - Date.now()));
      await payload.heartbeat();
    }
    return live();
  }

  private async deadLetter(
    message: KafkaMessage,
    payload: EachBatchPayload,
    failure: { code: DeadLetterReason; reason: string; attempts: number },
  ): Promise<void> {
    const { topic, partition } = payload.batch;
    const deadLetterTopic = deadLetterTopicOf(this.options.topic);
    // Sized to the topic's limit, so sending it cannot fail for good: a letter the publisher
    // refused would throw out of the batch, and the message would come back for ever.
    const letter = buildDeadLetter(
      { message, topic, partition, stage: this.options.stage, ...failure },
      this.options.publisher.maxValueBytes(deadLetterTopic),
    );
    const key = letter.originalKey ?? `${topic}:${partition}:${message.offset}`;
    await this.options.publisher.publish(deadLetterTopic, key, letter);
    this.stats.deadLettered += 1;
    this.options.metrics?.deadLettered.inc({
      stage: this.options.stage,
      topic,
      code: failure.code,
    });
    this.options.logger.warn(
      {
        topic,
        partition,
        offset: message.offset,
        code: failure.code,
        attempts: failure.attempts,
        // As the letter has it: cut to MAX_DEAD_LETTER_REASON_CHARS.
        reason: letter.error.message,
        ...(letter.originalTruncated ? { originalBytes: letter.originalBytes } : {}),
      },
      'message dead-lettered',
    );
  }
}

/** The dead letter's code and reason for an event a batch handler refused. */
function refusal(error: unknown): { code: DeadLetterReason; reason: string; attempts: number } {
  const failure = classifyFailure(error);
  return {
    code: failure.kind === 'permanent' ? failure.code : 'unprocessable',
    reason: errorMessage(error),
    attempts: 1,
  };
}

function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
