import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { MessageHandler } from '@nestjs/microservices';
import { ALL_ARTICLE_TOPICS } from '@newsflow/contracts';
import type { ArticleTopic } from '@newsflow/contracts';
import type { Kafka } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ConsumerRunner } from '../consumer-runner';
import { GroupLagReporter } from '../group-lag-reporter';
import type { InboundEvent, RunnerStats, StageHandler } from '../consumer-runner';
import type { Logger } from '@newsflow/runtime';
import type { PipelineMetrics } from '../metrics';
import type { EventPublisher } from '../publisher';
import { StageContext } from './stage-context';

export const KAFKA_STAGE_TRANSPORT = Symbol('KAFKA_STAGE_TRANSPORT');

/** `@EventPattern(Topic.X, BATCH)`: the handler receives every valid message of a batch at once. */
export const BATCH = { batch: true } as const;

export interface KafkaStageTransportOptions {
  kafka: Kafka;
  publisher: EventPublisher;
  stage: string;
  /** Consumer group of this stage; replicas share it and split the partitions. */
  groupId: string;
  logger: Logger;
  maxAttempts?: number;
  /** How long the group waits for a silent replica before reassigning its partitions. */
  sessionTimeoutMs?: number;
  metrics?: PipelineMetrics;
}

/**
 * A Nest transport strategy over kafkajs `eachBatch`, used instead of the stock Kafka transport,
 * which consumes one message at a time, lets kafkajs auto-commit, and on a throwing handler
 * restarts the consumer on the same message for ever (nestjs/nest#14664). Handlers are declared
 * with `@EventPattern(topic)` as usual; each pattern gets a `ConsumerRunner`, which validates
 * the payload against the topic's schema before the handler sees it, commits after the handler
 * resolves, and dead-letters what cannot be handled.
 */
export class KafkaStageTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_STAGE_TRANSPORT;
  private readonly runners: ConsumerRunner<ArticleTopic>[] = [];
  private lagReporter: GroupLagReporter | undefined;

  constructor(private readonly options: KafkaStageTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = [...this.getHandlers()];
      const groupIds: string[] = [];
      for (const [pattern, handler] of handlers) {
        // Members of one group must subscribe to the same topics (the assignor spreads every
        // subscribed partition over every member), so a second topic gets a group of its own.
        const groupId =
          handlers.length === 1 ? this.options.groupId : `${this.options.groupId}.${pattern}`;
        this.runners.push(this.createRunner(pattern, handler, groupId));
        groupIds.push(groupId);
      }
      await Promise.all(this.runners.map((runner) => runner.start()));
      if (this.options.metrics) {
        this.lagReporter = new GroupLagReporter(
          this.options.kafka,
          groupIds,
          this.options.metrics,
          this.options.logger,
        );
        this.lagReporter.start();
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.lagReporter?.stop();
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  stats(): RunnerStats[] {
    return this.runners.map((runner) => runner.stats);
  }

  on(): never {
    throw new Error('KafkaStageTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.kafka as T;
  }

  private createRunner(
    pattern: string,
    handler: MessageHandler,
    groupId: string,
  ): ConsumerRunner<ArticleTopic> {
    const topic = ALL_ARTICLE_TOPICS.find((t) => t === pattern);
    if (!topic || !handler.isEventHandler) {
      throw new Error(
        `@EventPattern('${pattern}') is not an article topic: use Topic.* from @newsflow/contracts`,
      );
    }
    const invoke = async (value: unknown, events: InboundEvent<unknown>[]): Promise<void> => {
      const result: unknown = await handler(value, new StageContext([events]));
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
    const stageHandler: StageHandler<unknown> = handler.extras?.['batch']
      ? {
          batch: (events) =>
            invoke(
              events.map((e) => e.value),
              events,
            ),
        }
      : { each: (event) => invoke(event.value, [event]) };
    return new ConsumerRunner({
      kafka: this.options.kafka,
      publisher: this.options.publisher,
      stage: this.options.stage,
      groupId,
      topic,
      handler: stageHandler,
      logger: this.options.logger,
      maxAttempts: this.options.maxAttempts,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
      metrics: this.options.metrics,
    });
  }
}
