import { Inject, Injectable, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { KafkaConfig } from '@newsflow/config';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../kafka-client';
import { LOGGER, jsonLogger } from '@newsflow/runtime';
import { messageLimits } from '../message-limits';
import type { MessageLimits } from '../message-limits';
import type { Logger } from '@newsflow/runtime';
import { PipelineMetrics } from '../metrics';
import { EventPublisher } from '../publisher';
import { OpsController } from './ops.controller';
import { StageReadiness } from './stage-readiness';

export const KAFKA = Symbol('KAFKA');
export const KAFKA_CONFIG = Symbol('KAFKA_CONFIG');
export const STAGE_NAME = Symbol('STAGE_NAME');
/** The byte limits of this process's messages and topics, from KAFKA_MAX_MESSAGE_BYTES. */
export const MESSAGE_LIMITS = Symbol('MESSAGE_LIMITS');

/** Disconnects the producer after the consumers stopped (Nest closes microservices first). */
@Injectable()
class PublisherLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EventPublisher) private readonly publisher: EventPublisher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/**
 * What every stage gets: its Kafka client, the typed publisher, metrics, and the health and
 * metrics endpoints, from the Kafka piece of the configuration its main.ts read and validated.
 */
@Module({})
export class MessagingModule {
  static forStage(stage: string, kafka: KafkaConfig): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      controllers: [OpsController],
      providers: [
        { provide: STAGE_NAME, useValue: stage },
        { provide: KAFKA_CONFIG, useValue: kafka },
        {
          provide: MESSAGE_LIMITS,
          useFactory: (config: KafkaConfig): MessageLimits => messageLimits(config.maxMessageBytes),
          inject: [KAFKA_CONFIG],
        },
        {
          provide: LOGGER,
          useFactory: (config: KafkaConfig): Logger =>
            jsonLogger(stage, config.logLevel, process.stdout),
          inject: [KAFKA_CONFIG],
        },
        {
          provide: PipelineMetrics,
          useFactory: () => new PipelineMetrics({ defaultMetrics: true }),
        },
        {
          provide: KAFKA,
          useFactory: (config: KafkaConfig, logger: Logger): Kafka =>
            createKafka(
              { brokers: config.brokers, clientId: `${config.clientId}-${stage}` },
              logger,
            ),
          inject: [KAFKA_CONFIG, LOGGER],
        },
        {
          provide: EventPublisher,
          useFactory: (kafka: Kafka, metrics: PipelineMetrics, limits: MessageLimits) =>
            new EventPublisher(kafka, { metrics, limits }),
          inject: [KAFKA, PipelineMetrics, MESSAGE_LIMITS],
        },
        StageReadiness,
        PublisherLifecycle,
      ],
      exports: [
        STAGE_NAME,
        KAFKA_CONFIG,
        MESSAGE_LIMITS,
        LOGGER,
        PipelineMetrics,
        KAFKA,
        EventPublisher,
        StageReadiness,
      ],
    };
  }
}
