import { Kafka, logLevel as KafkaLogLevel } from 'kafkajs';
import type { LogEntry } from 'kafkajs';
import { registerCompressionCodecs } from './compression';
import type { MessagingLogger } from './logger';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

/**
 * One kafkajs client per process; kafkajs's own logs are routed into ours, and the topics' codec
 * (zstd, which kafkajs lacks) is registered for it.
 */
export function createKafka(connection: KafkaConnection, logger: MessagingLogger): Kafka {
  registerCompressionCodecs();
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
    retry: { initialRetryTime: 300, retries: 8 },
  });
}
