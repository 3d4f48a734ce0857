import { randomUUID } from 'node:crypto';
import { Topic, deadLetterTopicOf, exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { extractArticle } from '@newsflow/extraction';
import { EventPublisher, createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import {
  jsonOrNull,
  readDeadLetters,
  startGroupsAtTheEnd,
  startService,
  waitFor,
} from '@newsflow/testing';
import type { RunningService } from '@newsflow/testing';
import type { Consumer, Kafka } from 'kafkajs';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const MAX_CHARS = 20_000;

/**
 * The parser as its own process: a page past a limit, or with no article, goes to the dead-letter
 * topic with the reason, and the parser goes on to parse the next page.
 */
describe('parser refusing pages past its limits', () => {
  let parser: RunningService;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let parsedReader: Consumer;
  const parsed = new Map<string, ArticleParsedV1>();
  const run = `parser-limits-${Date.now()}`;

  beforeAll(async () => {
    kafka = createKafka(
      { brokers: brokers.split(','), clientId: 'parser-int-spec' },
      jsonLogger('test', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    // Earlier suites leave thousands of real pages in the shared topic: this parser reads its own.
    await startGroupsAtTheEnd(kafka, run);
    publisher = new EventPublisher(kafka);
    parsedReader = kafka.consumer({ groupId: `${run}-reader-${randomUUID()}` });
    await parsedReader.connect();
    await parsedReader.subscribe({ topic: Topic.ArticleParsed, fromBeginning: true });
    await parsedReader.run({
      eachMessage: ({ message }) => {
        // The topic is shared with earlier suites, poison messages included.
        const article = jsonOrNull<ArticleParsedV1>(message.value);
        if (article?.id) parsed.set(article.id, article);
        return Promise.resolve();
      },
    });
    parser = await startService('parser', 13102, {
      ...process.env,
      KAFKA_BROKERS: brokers,
      KAFKA_GROUP_PREFIX: run,
      PARSER_MAX_DOCUMENT_CHARS: String(MAX_CHARS),
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await parser?.stop('SIGTERM');
    await parsedReader?.disconnect();
    await publisher?.disconnect();
  });

  function page(id: string, body: string): ArticleFetchedV1 {
    return { ...structuredClone(exampleArticleFetched), id, format: 'html', body };
  }

  it('dead-letters each refused page with its reason and parses the page after them', async () => {
    const ids = { large: 'a0a0a0a0a0a0a0a1', deep: 'a0a0a0a0a0a0a0a2', empty: 'a0a0a0a0a0a0a0a3' };
    const good = { ...structuredClone(exampleArticleFetched), id: 'a0a0a0a0a0a0a0a4' };
    const sentence = '<p>The council voted on Tuesday to rebuild the bridge the floods took.</p>';
    const refused = [
      page(ids.large, `<html><body>${sentence.repeat(MAX_CHARS / 50)}</body></html>`),
      page(ids.deep, `<html><body>${'<div>'.repeat(1_000)}${sentence}</body></html>`),
      page(ids.empty, '<html><body><nav><a href="/">Home</a></nav></body></html>'),
    ];
    // One key for all four: the same partition, so the good page comes after the refused ones.
    await publisher.publishMany(
      Topic.ArticleFetched,
      [...refused, good].map((value) => ({ key: run, value })),
    );

    await waitFor(`the parsed article ${good.id}`, () => parsed.get(good.id), {
      timeoutMs: 60_000,
    });
    const letters = await readDeadLetters(
      kafka,
      deadLetterTopicOf(Topic.ArticleFetched),
      (letter) => letter.originalKey === run,
      { atLeast: 3 },
    );
    const reasons = Object.fromEntries(
      letters.map((letter) => {
        const original = JSON.parse(
          Buffer.from(letter.originalValue, 'base64').toString('utf8'),
        ) as ArticleFetchedV1;
        return [
          original.id,
          { code: letter.error.code, reason: letter.error.message.split(':')[0] },
        ];
      }),
    );
    expect(reasons).toEqual({
      [ids.large]: { code: 'unprocessable', reason: 'too-large' },
      [ids.deep]: { code: 'unprocessable', reason: 'too-deep' },
      [ids.empty]: { code: 'unprocessable', reason: 'no-article-text' },
    });
    // The service gives what the library gives: the limits refuse, they do not change a result.
    expect(parsed.get(good.id)).toEqual(extractArticle(good));
  });
});
