import { basename } from 'node:path';
import { loadKafkaConfig, loadMannersConfig } from '@newsflow/config';
import { Topic } from '@newsflow/contracts';
import { FolderSource, pollAndPublish } from '@newsflow/fetching';
import {
  EventPublisher,
  HoldingPublisher,
  createKafka,
  ensureTopics,
  messageLimits,
} from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { Progress } from '../terminal/progress';
import type { ProgressOutput } from '../terminal/progress';

export interface IngestSummary {
  folder: string;
  files: number;
  published: number;
  /** Files that could not be published, each with why (also one stderr line each, as they come). */
  failed: { file: string; reason: string }[];
  seconds: number;
  /** This process's peak resident memory: bounded whatever the folder's size. */
  peakRssMb: number;
}

/**
 * `newsctl ingest <folder>`: publishes every saved page in the folder once, as the fetcher does,
 * a file at a time: each is read, handed to the publisher (which waits while its 16 MiB buffer
 * is full) and let go, so memory stays bounded for any folder size. A file too large to carry
 * (over FETCH_MAX_BYTES, or over KAFKA_MAX_MESSAGE_BYTES as JSON) is one line on stderr; while
 * Kafka is away, files are held and sent again rather than read again.
 */
export async function ingestFolder(
  folder: string,
  err: ProgressOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IngestSummary> {
  const startedAt = Date.now();
  const kafkaConfig = loadKafkaConfig(env);
  const limits = messageLimits(kafkaConfig.maxMessageBytes);
  const logger = jsonLogger('newsctl', kafkaConfig.logLevel);
  const kafka = createKafka(
    { brokers: kafkaConfig.brokers, clientId: `${kafkaConfig.clientId}-newsctl` },
    logger,
  );
  const source = new FolderSource(folder, {
    settle: false,
    maxBytes: loadMannersConfig(env).maxBytes,
  });
  const files = (await source.listFiles()).length;
  await ensureTopics(kafka, { partitions: kafkaConfig.topicPartitions, limits });
  const publisher = new EventPublisher(kafka, { limits });
  const holding = new HoldingPublisher(publisher, { logger });
  const progress = new Progress(err, files, 'files');
  const failed: IngestSummary['failed'] = [];
  try {
    const report = await pollAndPublish(
      source,
      (document) => holding.handOver(Topic.ArticleFetched, document.id, document),
      {
        onOutcome: (file, outcome, bytes) => {
          if (outcome.status !== 'published') {
            failed.push({ file: basename(file), reason: outcome.reason });
            progress.note(`newsctl ingest: ${basename(file)}: ${outcome.reason}`);
          }
          progress.tick(bytes);
        },
      },
    );
    progress.finish();
    return {
      folder: source.ref.name,
      files,
      published: report.published.length,
      failed,
      seconds: Math.round((Date.now() - startedAt) / 100) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    holding.stop();
    await publisher.disconnect();
  }
}
