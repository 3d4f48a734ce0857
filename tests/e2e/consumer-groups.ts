import { Topic } from '@newsflow/contracts';
import { createKafka, ensureTopics, jsonLogger } from '@newsflow/messaging';

/**
 * The broker is shared with earlier suites (and, with KAFKA_BROKERS, with earlier runs): a
 * suite's consumer groups (`<prefix>-<stage>`) start at the end of their topics, so only its own
 * pages flow, and a latency it reports is a real page-to-row time.
 */
export async function startGroupsAtTheEnd(
  prefix: string,
  brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
): Promise<void> {
  const kafka = createKafka(
    { brokers: brokers.split(','), clientId: 'e2e-setup' },
    jsonLogger('e2e', 'error'),
  );
  await ensureTopics(kafka, { partitions: 3 });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const reads: [string, string][] = [
      ['parser', Topic.ArticleFetched],
      ['enricher', Topic.ArticleParsed],
      ['store', Topic.ArticleEnriched],
    ];
    for (const [stage, topic] of reads) {
      // Explicit offsets: resetOffsets(latest) stores -1, which a group reading from the
      // beginning takes as "start at the earliest".
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
      await admin.setOffsets({ groupId: `${prefix}-${stage}`, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}
