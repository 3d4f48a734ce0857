/**
 * The AsyncAPI 3.0 description of Newsflow's topics, built from libs/contracts so it cannot drift
 * from what the code validates: topic names, payload JSON Schemas and example messages all come
 * from @newsflow/contracts, broker defaults from @newsflow/config. Only the wiring (which stage
 * writes and reads which topic) is stated here, typed so that a new topic does not compile until
 * it is wired.
 *
 * `npm run docs:asyncapi` writes docs/asyncapi.json and docs/schemas/<topic>.schema.json;
 * tools/asyncapi/asyncapi.spec.ts fails when the committed files are stale.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { kafkaEnv } from '@newsflow/config';
import { TOPIC_COMPRESSION_NAME, messageLimits } from '@newsflow/messaging';
import {
  ALL_ARTICLE_TOPICS,
  ALL_TOPICS,
  Topic,
  deadLetterReasons,
  deadLetterTopicOf,
  examplesByTopic,
  topicSchemas,
} from '@newsflow/contracts';
import type { AnyTopic, ArticleTopic } from '@newsflow/contracts';

const REPO_ROOT = resolve(__dirname, __dirname.includes('/dist/') ? '../../..' : '../..');

/** The AsyncAPI version written; the parser only recommends the newer 3.1 (a warning). */
const ASYNCAPI_VERSION = '3.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';
/** Our schemas are plain JSON Schema draft-07 (see fields.schema.ts), and say so to tools. */
const SCHEMA_FORMAT = 'application/schema+json;version=draft-07';

type JsonObject = { [key: string]: unknown };

type Stage = 'fetcher' | 'parser' | 'enricher' | 'store';

/**
 * Who writes and who reads each article topic (DESIGN.md, "Shape"). The stage that reads a topic
 * is also the one that writes its dead-letter twin. A Record over ArticleTopic, so a topic added
 * to the contracts must be wired here before this compiles.
 */
const wiring: Record<ArticleTopic, { producer: Stage; producerNote: string; consumer: Stage }> = {
  [Topic.ArticleFetched]: {
    producer: 'fetcher',
    producerNote: 'The fetcher (and `newsctl ingest <folder>`) publishes every page it fetched.',
    consumer: 'parser',
  },
  [Topic.ArticleParsed]: {
    producer: 'parser',
    producerNote: 'The parser publishes the article it extracted from a fetched page.',
    consumer: 'enricher',
  },
  [Topic.ArticleEnriched]: {
    producer: 'enricher',
    producerNote:
      'The enricher publishes the parsed article with its countries, topics and entities.',
    consumer: 'store',
  },
};

const articleKey = {
  type: 'string',
  minLength: 1,
  description:
    'The article id (the same as `id` in the value), derived from the canonical URL or, for a ' +
    'saved page without one, from its content. A page fetched twice or redelivered gets the same ' +
    'key, so it lands on the same partition, in order with its earlier versions.',
};

const deadLetterKey = {
  type: 'string',
  minLength: 1,
  description:
    'The key of the original message (the article id). A message that had no key is ' +
    'dead-lettered under `<topic>:<partition>:<offset>` of where it was read.',
};

/** `news.article.fetched.v1` -> `articleFetched`: the Topic constant's name, camel-cased. */
function channelId(topic: ArticleTopic): string {
  const entry = Object.entries(Topic).find(([, value]) => value === topic);
  if (!entry) throw new Error(`not an article topic: ${topic}`);
  return entry[0].charAt(0).toLowerCase() + entry[0].slice(1);
}

/** The message name for a topic: its schema's title, e.g. ArticleEnrichedV1, DeadLetterV1. */
function messageName(topic: AnyTopic): string {
  return topicSchemas[topic].title;
}

function stageGroup(stage: Stage): JsonObject {
  const prefix = kafkaEnv.KAFKA_GROUP_PREFIX.default ?? 'newsflow';
  return {
    type: 'string',
    description: `The stage's consumer group: \`<KAFKA_GROUP_PREFIX>-${stage}\`.`,
    examples: [`${prefix}-${stage}`],
  };
}

function channel(
  topic: AnyTopic,
  description: string,
  partitions: number,
  partitionsNote: string,
  maxMessageBytes: number,
): JsonObject {
  const name = messageName(topic);
  return {
    address: topic,
    title: topic,
    description,
    messages: { [name]: { $ref: `#/components/messages/${name}` } },
    bindings: {
      kafka: {
        topic,
        partitions,
        'x-partitions-note': partitionsNote,
        // As ensureTopics (libs/messaging) creates and keeps every topic: sized for the largest
        // message, and zstd-compressed (a kafkajs consumer needs a zstd codec registered).
        topicConfiguration: { 'max.message.bytes': maxMessageBytes },
        'x-compression-type': TOPIC_COMPRESSION_NAME,
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function operation(
  action: 'send' | 'receive',
  topic: AnyTopic,
  channelKey: string,
  summary: string,
  groupId?: JsonObject,
): JsonObject {
  return {
    action,
    channel: { $ref: `#/channels/${channelKey}` },
    summary,
    messages: [{ $ref: `#/channels/${channelKey}/messages/${messageName(topic)}` }],
    ...(groupId ? { bindings: { kafka: { groupId, bindingVersion: KAFKA_BINDING_VERSION } } } : {}),
  };
}

function message(topic: AnyTopic, key: JsonObject): JsonObject {
  const schema = topicSchemas[topic];
  return {
    name: schema.title,
    title: schema.title,
    summary: schema.description,
    contentType: 'application/json',
    payload: { schemaFormat: SCHEMA_FORMAT, schema },
    bindings: { kafka: { key, bindingVersion: KAFKA_BINDING_VERSION } },
    examples: [{ name: `example-${schema.title}`, payload: examplesByTopic[topic] }],
  };
}

/** The whole document, as plain JSON; deterministic, so the committed copy can be compared. */
export function buildAsyncApiDocument(): JsonObject {
  const partitions = kafkaEnv.KAFKA_TOPIC_PARTITIONS.default ?? 3;
  const limits = messageLimits(kafkaEnv.KAFKA_MAX_MESSAGE_BYTES.default ?? 8 * 1024 * 1024);
  const brokers = kafkaEnv.KAFKA_BROKERS.default ?? ['127.0.0.1:9092'];
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};

  for (const topic of ALL_ARTICLE_TOPICS) {
    const id = channelId(topic);
    const dlqId = `${id}DeadLetter`;
    const dlq = deadLetterTopicOf(topic);
    const { producer, producerNote, consumer } = wiring[topic];

    channels[id] = channel(
      topic,
      `${topicSchemas[topic].description} Read by the ${consumer}; downstream consumers may ` +
        'subscribe with a consumer group of their own. At-least-once: a message can arrive ' +
        'more than once, so handle it idempotently by its key.',
      partitions,
      `The default when Newsflow creates its topics; set by KAFKA_TOPIC_PARTITIONS. Order ` +
        'holds per key (article id), not across the topic.',
      limits.topicBytes,
    );
    channels[dlqId] = channel(
      dlq,
      `What the ${consumer} could not handle from ${topic}, with the original bytes, where ` +
        `they came from and the reason (error.code: ${deadLetterReasons.join(', ')}). An ` +
        'unavailable dependency (Postgres, the broker) pauses the stage instead: it is not ' +
        'dead-lettered.',
      1, // as ensureTopics (libs/messaging) creates every dead-letter topic
      'Dead letters are rare and read by people: one partition keeps them in arrival order.',
      limits.deadLetterTopicBytes,
    );

    operations[`${producer}Sends${capitalise(id)}`] = operation('send', topic, id, producerNote);
    operations[`${consumer}Receives${capitalise(id)}`] = operation(
      'receive',
      topic,
      id,
      `The ${consumer} reads ${topic}; it commits an offset only after its own output is ` +
        'produced (or written to Postgres), so a crash redelivers rather than loses.',
      stageGroup(consumer),
    );
    operations[`${consumer}Sends${capitalise(dlqId)}`] = operation(
      'send',
      dlq,
      dlqId,
      `The ${consumer} dead-letters a message from ${topic} it cannot handle and moves on.`,
    );
    operations[`downstreamReceives${capitalise(id)}`] = operation(
      'receive',
      topic,
      id,
      `A downstream consumer subscribes to ${topic} with its own consumer group ` +
        '(see examples/consumer).',
      {
        type: 'string',
        description: 'Any group id of your own: never one of the stages\u2019 groups.',
        examples: ['my-newsroom'],
      },
    );
  }

  for (const topic of ALL_TOPICS) {
    const name = messageName(topic);
    if (messages[name]) continue; // the dead-letter topics share DeadLetterV1
    messages[name] = message(topic, topic.endsWith('.dlq') ? deadLetterKey : articleKey);
  }

  return {
    asyncapi: ASYNCAPI_VERSION,
    id: 'urn:newsflow:topics',
    info: {
      title: 'Newsflow topics',
      // The topics carry their own versions (.v1); this versions the document's layout.
      version: '1.0.0',
      description:
        'Kafka topics of the Newsflow pipeline: fetcher -> news.article.fetched.v1 -> parser -> ' +
        'news.article.parsed.v1 -> enricher -> news.article.enriched.v1 -> store (Postgres). ' +
        'Every topic has a dead-letter twin `<topic>.dlq`. Values are UTF-8 JSON, keyed by the ' +
        'article id; delivery is at-least-once. Every message carries `schemaVersion`; a ' +
        'breaking change makes a new topic (.v2), never a silent change of a .v1 topic. ' +
        'Generated from libs/contracts by tools/asyncapi/generate.ts: do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: brokers[0] ?? '127.0.0.1:9092',
        protocol: 'kafka',
        description:
          'The local stack (`npm start`). Elsewhere, the brokers in KAFKA_BROKERS. Topics are ' +
          'created by Newsflow (broker auto-creation is off).',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

/** Each topic's payload JSON Schema, as written to docs/schemas/<topic>.schema.json. */
export function buildTopicSchemas(): { topic: AnyTopic; schema: JsonObject }[] {
  return ALL_TOPICS.map((topic) => ({ topic, schema: topicSchemas[topic] }));
}

/** Every generated file, relative to the repository root, with its JSON content. */
export function generatedFiles(): { path: string; content: JsonObject }[] {
  return [
    { path: 'docs/asyncapi.json', content: buildAsyncApiDocument() },
    ...buildTopicSchemas().map(({ topic, schema }) => ({
      path: `docs/schemas/${topic}.schema.json`,
      content: schema,
    })),
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function main(): Promise<void> {
  // Loaded here rather than at the top: the spec imports this module and never formats.
  const prettier = await import('prettier');
  for (const file of generatedFiles()) {
    const target = resolve(REPO_ROOT, file.path);
    const options = await prettier.resolveConfig(target);
    const text = await prettier.format(JSON.stringify(file.content), {
      ...options,
      parser: 'json',
    });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
