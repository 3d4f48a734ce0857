import {
  ALL_ARTICLE_TOPICS,
  DEAD_LETTER_REPLAYS_TOPIC,
  deadLetterTopicOf,
} from '@newsflow/contracts';
import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
import type { Admin, Kafka } from 'kafkajs';
import { TOPIC_COMPRESSION_NAME } from './compression';
import { DEFAULT_MESSAGE_LIMITS } from './message-limits';
import type { MessageLimits } from './message-limits';

export interface TopicLayout {
  /** Partitions per article topic: the ceiling on replicas of the stage that reads it. */
  partitions: number;
  replicationFactor?: number;
  /** Default: the limits of the default `KAFKA_MAX_MESSAGE_BYTES`. */
  limits?: MessageLimits;
}

interface WantedTopic {
  topic: string;
  numPartitions: number;
  config: Record<string, string>;
}

/**
 * Creates every topic the pipeline uses (auto-creation is off on our brokers) and their
 * dead-letter twins, compressed and sized for the largest message (`max.message.bytes`).
 * Existing topics keep their partitions; their size and codec are brought to what the code
 * needs (a broker kept from before the limits existed, or an operator's default of 1 MB),
 * keeping any other per-topic setting. Returns the topics created.
 */
export async function ensureTopics(kafka: Kafka, layout: TopicLayout): Promise<string[]> {
  const limits = layout.limits ?? DEFAULT_MESSAGE_LIMITS;
  const wanted: WantedTopic[] = ALL_ARTICLE_TOPICS.flatMap((topic) => [
    {
      topic,
      numPartitions: layout.partitions,
      config: topicConfig(limits.topicBytes),
    },
    // Dead letters are rare and read by people: one partition keeps them in arrival order.
    {
      topic: deadLetterTopicOf(topic),
      numPartitions: 1,
      config: topicConfig(limits.deadLetterTopicBytes),
    },
  ]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter(({ topic }) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(({ topic, numPartitions, config }) => ({
          topic,
          numPartitions,
          replicationFactor: layout.replicationFactor ?? 1,
          configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    await alignConfigs(
      admin,
      wanted.filter(({ topic }) => existing.has(topic)),
    );
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The largest replay record: a few hundred bytes of JSON. The topic is sized for it and no
 * more, so nothing else of size lands there by mistake.
 */
const REPLAY_RECORD_TOPIC_BYTES = 1024 * 1024;

/**
 * Creates DEAD_LETTER_REPLAYS_TOPIC if it is missing: compacted (the last replay of each letter
 * is what counts), one partition (a handful of records, read whole), compressed like the rest.
 * Only `newsctl dlq replay` writes it, so it is made there, not by every stage at boot. Returns
 * whether it was created.
 */
export async function ensureReplaysTopic(
  kafka: Kafka,
  layout: Pick<TopicLayout, 'replicationFactor'> = {},
): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(DEAD_LETTER_REPLAYS_TOPIC)) return false;
    const config = { ...topicConfig(REPLAY_RECORD_TOPIC_BYTES), 'cleanup.policy': 'compact' };
    // False when another replay created it meanwhile: it exists either way.
    return await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: DEAD_LETTER_REPLAYS_TOPIC,
          numPartitions: 1,
          replicationFactor: layout.replicationFactor ?? 1,
          configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

export function topicConfig(maxMessageBytes: number): Record<string, string> {
  return {
    'max.message.bytes': String(maxMessageBytes),
    // The producers send this codec already, so the broker stores their batches as they come;
    // a producer of someone else's with another codec is recompressed to it.
    'compression.type': TOPIC_COMPRESSION_NAME,
  };
}

/**
 * AlterConfigs (kafkajs has no incremental form) replaces every per-topic override, so the
 * overrides a topic has are read first and kept beside ours.
 */
async function alignConfigs(admin: Admin, topics: WantedTopic[]): Promise<void> {
  if (topics.length === 0) return;
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map(({ topic }) => ({ type: ConfigResourceTypes.TOPIC, name: topic })),
  });
  const changes = [];
  for (const { topic, config } of topics) {
    const resource = described.resources.find((r) => r.resourceName === topic);
    const overrides = Object.fromEntries(
      (resource?.configEntries ?? [])
        .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG)
        .map((entry) => [entry.configName, entry.configValue]),
    );
    // A topic an operator made larger stays larger.
    const maxBytes = Math.max(
      Number(config['max.message.bytes']),
      Number(overrides['max.message.bytes'] ?? 0),
    );
    const merged = { ...overrides, ...config, 'max.message.bytes': String(maxBytes) };
    const stale = Object.entries(merged).some(([name, value]) => overrides[name] !== value);
    if (!stale) continue;
    changes.push({
      type: ConfigResourceTypes.TOPIC,
      name: topic,
      configEntries: Object.entries(merged).map(([name, value]) => ({ name, value })),
    });
  }
  if (changes.length > 0) await admin.alterConfigs({ validateOnly: false, resources: changes });
}
