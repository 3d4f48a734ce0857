import { loadKafkaConfig } from '@newsflow/config';
import { Topic } from '@newsflow/contracts';
import { EventPublisher, createKafka, ensureTopics, jsonLogger } from '@newsflow/messaging';
import { FolderSource, pollAndPublish } from '@newsflow/sources';

/** `newsctl ingest <folder>`: publishes every saved page in the folder once, as the fetcher does. */
export async function ingestFolder(folder: string): Promise<{ published: number; ids: string[] }> {
  const config = loadKafkaConfig();
  const logger = jsonLogger('newsctl', config.logLevel);
  const kafka = createKafka(
    { brokers: config.brokers, clientId: `${config.clientId}-newsctl` },
    logger,
  );
  await ensureTopics(kafka, { partitions: config.topicPartitions });
  const publisher = new EventPublisher(kafka);
  try {
    const documents = await pollAndPublish(new FolderSource(folder, { settle: false }), (docs) =>
      publisher.publishMany(
        Topic.ArticleFetched,
        docs.map((d) => ({ key: d.id, value: d })),
      ),
    );
    return { published: documents.length, ids: documents.map((d) => d.id) };
  } finally {
    await publisher.disconnect();
  }
}
