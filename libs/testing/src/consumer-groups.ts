import { consumerGroupId } from '@newsflow/config';
import { Topic } from '@newsflow/contracts';
import type { Kafka } from 'kafkajs';

/** The topic each consuming stage's group reads. */
const READS = [
  ['parser', Topic.ArticleFetched],
  ['enricher', Topic.ArticleParsed],
  ['store', Topic.ArticleEnriched],
] as const;

/**
 * The broker is shared by every suite of a run (and, with KAFKA_BROKERS, by earlier runs), and
 * the suites of real traffic leave thousands of real pages in its topics. A suite that starts
 * stages of its own (groups `<prefix>-<stage>`) starts their groups at the end of the topics
 * they read, so only its own messages flow: otherwise a new group reads every page ever sent
 * before it reaches its own. The topics must exist (ensureTopics first).
 */
export async function startGroupsAtTheEnd(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const [stage, topic] of READS) {
      // Explicit offsets: resetOffsets(latest) stores -1, which a group reading from the
      // beginning takes as "start at the earliest".
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
      await admin.setOffsets({ groupId: consumerGroupId(prefix, stage), topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}
