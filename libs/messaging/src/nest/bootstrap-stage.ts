import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { consumerGroupId } from '@newsflow/config';
import type { KafkaConfig } from '@newsflow/config';
import type { Kafka } from 'kafkajs';
import { JsonLoggerService, LOGGER } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { PipelineMetrics } from '../metrics';
import { EventPublisher } from '../publisher';
import type { MessageLimits } from '../message-limits';
import { ensureTopics } from '../topic-admin';
import { KafkaStageTransport } from './kafka-stage.transport';
import { KAFKA, MESSAGE_LIMITS } from './messaging.module';
import { StageReadiness } from './stage-readiness';

export interface StageOptions {
  /** The stage's name in logs, client ids and its consumer group. */
  stage: string;
  /** False for a stage that only produces (the fetcher). Consumers join `<prefix>-<stage>`. */
  consumes: boolean;
  /** The Kafka piece of the stage's configuration, the one its module was given. */
  kafka: KafkaConfig;
  /** HTTP_PORT: health and metrics. */
  httpPort: number;
  httpHost?: string;
}

/**
 * Starts a stage: HTTP for health and metrics, the project's topics, and (for consumers) the
 * Kafka transport. SIGTERM closes the consumers first (finishing the message in hand and
 * committing), then the producer.
 */
export async function bootstrapStage(
  module: Type | DynamicModule,
  options: StageOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, {
    logger: new JsonLoggerService(options.stage, options.kafka.logLevel),
  });
  app.enableShutdownHooks();
  const kafka = app.get<Kafka>(KAFKA);
  const config = options.kafka;
  const logger = app.get<Logger>(LOGGER);
  await ensureTopics(kafka, {
    partitions: config.topicPartitions,
    limits: app.get<MessageLimits>(MESSAGE_LIMITS),
  });

  if (options.consumes) {
    app.connectMicroservice({
      strategy: new KafkaStageTransport({
        kafka,
        publisher: app.get(EventPublisher),
        stage: options.stage,
        groupId: consumerGroupId(config.groupPrefix, options.stage),
        logger,
        maxAttempts: config.maxAttempts,
        sessionTimeoutMs: config.sessionTimeoutMs,
        metrics: app.get(PipelineMetrics),
      }),
    });
    await app.startAllMicroservices();
  }
  const { httpPort } = options;
  await app.listen(httpPort, options.httpHost ?? '0.0.0.0');
  app.get(StageReadiness).done('started');
  logger.info({ stage: options.stage, httpPort, brokers: config.brokers }, 'stage started');
  return app;
}
