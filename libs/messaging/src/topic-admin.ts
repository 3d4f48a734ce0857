import { ALL_ARTICLE_TOPICS, deadLetterTopicOf } from '@newsflow/contracts';
import type { Kafka } from 'kafkajs';

export interface TopicLayout {
  /** Partitions per article topic: the ceiling on replicas of the stage that reads it. */
  partitions: number;
  replicationFactor?: number;
}

/**
 * Creates every topic the pipeline uses (auto-creation is off on our brokers) and their
 * dead-letter twins. Idempotent: existing topics are left as they are.
 */
export async function ensureTopics(kafka: Kafka, layout: TopicLayout): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = ALL_ARTICLE_TOPICS.flatMap((topic) => [
      { topic, numPartitions: layout.partitions },
      // Dead letters are rare and read by people: one partition keeps them in arrival order.
      { topic: deadLetterTopicOf(topic), numPartitions: 1 },
    ]).filter(({ topic }) => !existing.has(topic));
    if (wanted.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: wanted.map((t) => ({ ...t, replicationFactor: layout.replicationFactor ?? 1 })),
      });
    }
    return wanted.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}
