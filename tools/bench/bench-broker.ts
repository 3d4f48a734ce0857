import { readdirSync, statSync } from 'node:fs';
import type { Kafka } from 'kafkajs';
import { resolve } from 'node:path';

/**
 * A topic's log segments in the broker's data folder: its record batches as the broker stored
 * them, compressed as they came. The partitions of `orders` are `orders-0`, `orders-1`...: a
 * folder counts only if what follows the topic's name is a partition number, so `news.x.v1`
 * does not count `news.x.v1.dlq`; a deleted topic's folders (`<topic>-<p>.<id>-delete`) neither.
 */
export function topicBytesOnDisk(dataDir: string, topic: string): number {
  const partition = new RegExp(`^${topic.replace(/[.]/g, '\\.')}-\\d+$`);
  let total = 0;
  for (const dir of readdirSync(dataDir).filter((d) => partition.test(d))) {
    for (const file of readdirSync(resolve(dataDir, dir)).filter((f) => f.endsWith('.log'))) {
      total += statSync(resolve(dataDir, dir, file)).size;
    }
  }
  return total;
}

/** Creates a topic of the benches' own, with per-topic settings, and waits for its leaders. */
export async function createTopic(
  kafka: Kafka,
  topic: string,
  numPartitions: number,
  config: Record<string, string>,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions,
          configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
