import { Kafka, logLevel as KafkaLogLevel } from 'kafkajs';
import type { LogEntry } from 'kafkajs';
import { registerCompressionCodecs } from './compression';
import { patchKafkaRequestQueue } from './request-queue-patch';
import type { Logger } from '@newsflow/runtime';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  /**
   * Retries of a failed request, with backoff from 300 ms: 8 by default, about a minute, which
   * rides out a broker restart. A command a person waits on takes fewer, to say soon that the
   * broker cannot be reached.
   */
  retries?: number;
}

/**
 * One kafkajs client per process; kafkajs's own logs are routed into ours, the topics' codec
 * (zstd, which kafkajs lacks) is registered for it, and its idle timer spin is stopped
 * (request-queue-patch.ts).
 */
export function createKafka(connection: KafkaConnection, logger: Logger): Kafka {
  registerCompressionCodecs();
  patchKafkaRequestQueue();
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, ...rest } = log;
        const context = { kafkajs: namespace, ...rest };
        if (level <= KafkaLogLevel.ERROR) logger.error(context, message);
        else if (level === KafkaLogLevel.WARN) logger.warn(context, message);
        else logger.debug(context, message);
      },
    retry: { initialRetryTime: 300, retries: connection.retries ?? 8 },
  });
}
