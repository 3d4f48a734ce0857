/**
 * A downstream consumer of Newsflow: reads enriched articles from Kafka, checks each against its
 * contract and prints one line per article. A starting point to copy: it needs kafkajs,
 * @newsflow/contracts, and a zstd codec for kafkajs, since the topics are zstd-compressed and
 * kafkajs reads only gzip by itself (Java, librdkafka and Go clients read zstd as they are).
 *
 *   npm run build && KAFKA_BROKERS=127.0.0.1:9092 node dist/examples/consumer/consume-articles.js
 *
 * KAFKA_BROKERS  comma-separated bootstrap brokers (default 127.0.0.1:9092)
 * CONSUMER_GROUP your own consumer group, never a stage's (default my-newsroom)
 * COUNTRY        only articles tagged with this ISO 3166-1 alpha-2 code, e.g. RU
 * FROM_BEGINNING 1: a group new to the topic starts at its oldest article, not its next one
 */
import { Topic, validate } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { zstdCodec } from '@newsflow/messaging';
import { CompressionCodecs, CompressionTypes, Kafka, logLevel } from 'kafkajs';
import type { KafkaMessage } from 'kafkajs';

// The topics are zstd-compressed: kafkajs needs a codec for it (ours is about 40 lines over
// @bokuweb/zstd-wasm; the kafkajs community packages for zstd need a native build).
CompressionCodecs[CompressionTypes.ZSTD] = () => zstdCodec;

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
const groupId = process.env.CONSUMER_GROUP || 'my-newsroom';
const country = process.env.COUNTRY?.trim().toUpperCase() || undefined;
const fromBeginning = process.env.FROM_BEGINNING === '1';

/** `<id>  <title>  countries: RU* QA* SY  topics: politics, ...`; * marks what the story is about. */
function formatArticle(article: ArticleEnrichedV1): string {
  const countries = article.countries.map((c) => (c.focus ? `${c.code}*` : c.code)).join(' ');
  const topics = article.topics.map((t) => t.label).join(', ');
  return `${article.id}  ${article.title}  countries: ${countries || '-'}  topics: ${topics || '-'}`;
}

/**
 * Delivery is at-least-once: the same article can come twice (same id), so whatever you do with
 * it should be idempotent by id. A message that breaks the contract is logged and skipped.
 */
function handle(partition: number, message: KafkaMessage): void {
  const where = `${Topic.ArticleEnriched}/${partition}@${message.offset}`;
  let value: unknown;
  try {
    value = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    console.error(`skipped ${where}: not JSON`);
    return;
  }
  const result = validate(Topic.ArticleEnriched, value);
  if (!result.ok) {
    const problems = result.problems.map((p) => `${p.path} ${p.message}`).join('; ');
    console.error(`skipped ${where}: ${problems}`);
    return;
  }
  const article = result.value;
  if (country && !article.countries.some((c) => c.code === country)) return;
  console.log(formatArticle(article));
}

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId });

  // Disconnecting lets the message in hand finish and leaves the group at once, so its
  // partitions move to the group's other members without waiting for a session timeout.
  const stop = (signal: NodeJS.Signals): void => {
    console.error(`${signal}: disconnecting`);
    consumer.disconnect().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) =>
    console.error(`reading ${Topic.ArticleEnriched} as group ${payload.groupId}`),
  );
  await consumer.connect();
  await consumer.subscribe({ topic: Topic.ArticleEnriched, fromBeginning });
  await consumer.run({
    eachMessage: ({ partition, message }) => {
      handle(partition, message);
      return Promise.resolve(); // nothing to wait for: printing is synchronous
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
