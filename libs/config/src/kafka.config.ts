import { int, list, readEnv, str } from './env-schema';
import type { EnvValues } from './env-schema';
import { loggingEnv } from './logging.config';
import type { LogLevel } from './logging.config';

/** Variables every stage (and newsctl's Kafka commands) reads to reach Kafka, and LOG_LEVEL. */
export const kafkaEnv = {
  KAFKA_BROKERS: list('comma-separated bootstrap brokers', ['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: str('client id prefix seen in broker logs and metrics', 'newsflow'),
  KAFKA_GROUP_PREFIX: str(
    'consumer groups are <prefix>-<stage>; a second pipeline on the same cluster takes another',
    'newsflow',
  ),
  KAFKA_TOPIC_PARTITIONS: int('partitions per topic when the project creates its topics', 3, {
    min: 1,
    max: 256,
  }),
  KAFKA_MAX_ATTEMPTS: int('attempts at a failing message before it is dead-lettered', 5, {
    min: 1,
    max: 100,
  }),
  // The broker's own bounds by default (group.min/max.session.timeout.ms): 6 s to 30 min.
  KAFKA_SESSION_TIMEOUT_MS: int(
    'how long a consumer group waits for a silent member (a killed replica) before giving its partitions to the others, in ms',
    30_000,
    { min: 6_000, max: 1_800_000 },
  ),
  KAFKA_MAX_MESSAGE_BYTES: int(
    'largest message value (JSON, before compression) sent; topic and broker limits derive from it',
    8 * 1024 * 1024,
    { min: 1024 * 1024, max: 64 * 1024 * 1024 },
  ),
  ...loggingEnv,
};

export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  groupPrefix: string;
  topicPartitions: number;
  maxAttempts: number;
  sessionTimeoutMs: number;
  maxMessageBytes: number;
  logLevel: LogLevel;
}

/**
 * The consumer group a consuming stage joins: `<KAFKA_GROUP_PREFIX>-<stage>`. Anything that
 * watches a group from outside (the KEDA ScaledObjects in k8s/base, an operator's lag alert)
 * names it this way, and tests/deploy holds the manifests to this function.
 */
export function consumerGroupId(groupPrefix: string, stage: string): string {
  return `${groupPrefix}-${stage}`;
}

/** The Kafka piece of an app's configuration, from values its schema already validated. */
export function kafkaConfigFrom(v: EnvValues<typeof kafkaEnv>): KafkaConfig {
  return {
    brokers: v.KAFKA_BROKERS,
    clientId: v.KAFKA_CLIENT_ID,
    groupPrefix: v.KAFKA_GROUP_PREFIX,
    topicPartitions: v.KAFKA_TOPIC_PARTITIONS,
    maxAttempts: v.KAFKA_MAX_ATTEMPTS,
    sessionTimeoutMs: v.KAFKA_SESSION_TIMEOUT_MS,
    maxMessageBytes: v.KAFKA_MAX_MESSAGE_BYTES,
    logLevel: v.LOG_LEVEL,
  };
}

export function loadKafkaConfig(env?: Readonly<Record<string, string | undefined>>): KafkaConfig {
  return kafkaConfigFrom(readEnv(kafkaEnv, env));
}
