import { randomBytes, randomUUID } from 'node:crypto';
import { Topic, deadLetterTopicOf, exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { newsPages, waitFor } from '@newsflow/testing';
import { ConfigResourceTypes } from 'kafkajs';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../src/kafka-client';
import { jsonLogger } from '@newsflow/runtime';
import { DEFAULT_MESSAGE_LIMITS } from '../src/message-limits';
import { EventPublisher } from '../src/publisher';
import { ensureTopics, topicConfig } from '../src/topic-admin';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** A fetched page whose value is exactly `bytes` of JSON, its body random base64 (it barely compresses). */
function pageOfJsonBytes(id: string, bytes: number): ArticleFetchedV1 {
  const empty = { ...exampleArticleFetched, id, body: '' };
  const room = bytes - Buffer.byteLength(JSON.stringify(empty));
  return { ...empty, body: randomBytes(room).toString('base64').slice(0, room) };
}

/** Reads the topic from its start with a group of its own until every key is found. */
async function readKeys(
  kafka: Kafka,
  topic: string,
  keys: readonly string[],
): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const consumer = kafka.consumer({ groupId: `publisher-spec-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const key = message.key?.toString();
      if (key && keys.includes(key) && message.value) found.set(key, message.value);
      return Promise.resolve();
    },
  });
  try {
    await waitFor('every key read back', () => (found.size === keys.length ? true : undefined), {
      timeoutMs: 60_000,
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}

describe(`${EventPublisher.name} on a real broker`, () => {
  let kafka: Kafka;
  let publisher: EventPublisher;

  beforeAll(async () => {
    kafka = createKafka({ brokers, clientId: 'publisher-int-spec' }, jsonLogger('test', 'error'));
    await ensureTopics(kafka, { partitions: 3 });
    publisher = new EventPublisher(kafka);
  });

  afterAll(async () => {
    await publisher.disconnect();
  });

  it('carries a value of exactly the largest size, barely compressible, to a consumer', async () => {
    const id = `largest-${randomUUID()}`;
    const page = pageOfJsonBytes(id, DEFAULT_MESSAGE_LIMITS.valueBytes);

    await publisher.publish(Topic.ArticleFetched, id, page);

    // Compressed, it is still over kafkajs's 1 MiB per-partition fetch: the broker hands over
    // a first batch larger than that whole.
    const read = await readKeys(kafka, Topic.ArticleFetched, [id]);
    expect(read.get(id)?.length).toBe(DEFAULT_MESSAGE_LIMITS.valueBytes);
    expect((JSON.parse(read.get(id)?.toString() ?? '{}') as ArticleFetchedV1).body).toBe(page.body);
  });

  it('sends pages from many concurrent callers through one producer, each once', async () => {
    const pages = newsPages();
    const run = randomUUID();
    const keys: string[] = [];
    // Four producers at once (as four polls of the fetcher), each its 39 real pages.
    await Promise.all(
      [0, 1, 2, 3].map(async (caller) => {
        for (const page of pages) {
          const id = `${run}-${caller}-${page.id}`;
          keys.push(id);
          await publisher.publish(Topic.ArticleFetched, id, {
            ...exampleArticleFetched,
            id,
            body: page.html,
          });
        }
      }),
    );
    const read = await readKeys(kafka, Topic.ArticleFetched, keys);
    expect(read.size).toBe(4 * pages.length);
  });

  it('raises an existing topic to the limits and codec, keeping its other settings', async () => {
    const topic = deadLetterTopicOf(Topic.ArticleEnriched);
    const admin = kafka.admin();
    await admin.connect();
    const configOf = async () => {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
      });
      return Object.fromEntries(
        (resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]),
      );
    };
    const setConfig = (configEntries: { name: string; value: string }[]) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries }],
      });
    try {
      // As a broker kept from before the limits, whose operator set a retention of their own.
      await setConfig([
        { name: 'max.message.bytes', value: '1048588' },
        { name: 'compression.type', value: 'producer' },
        { name: 'retention.ms', value: '604800001' },
      ]);

      await ensureTopics(kafka, { partitions: 3 });

      expect(await configOf()).toMatchObject({
        'max.message.bytes': String(DEFAULT_MESSAGE_LIMITS.deadLetterTopicBytes),
        'compression.type': 'zstd',
        'retention.ms': '604800001',
      });
    } finally {
      await setConfig(
        Object.entries(topicConfig(DEFAULT_MESSAGE_LIMITS.deadLetterTopicBytes)).map(
          ([name, value]) => ({ name, value }),
        ),
      );
      await admin.disconnect();
    }
  });
});
