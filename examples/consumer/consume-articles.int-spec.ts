import { resolve } from 'node:path';
import { Topic, exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { EventPublisher, createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { REPO_ROOT, spawnNode, waitFor } from '@newsflow/testing';
import type { RunningProcess } from '@newsflow/testing';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const script = resolve(REPO_ROOT, 'dist/examples/consumer/consume-articles.js');

/**
 * The consumer example as a downstream user runs it (built, its own process, its own group)
 * against the real broker: an enriched article published by the pipeline's publisher comes out
 * as one printed line, and a message that breaks the contract is skipped, not fatal.
 */
describe('examples/consumer/consume-articles', () => {
  const run = `consumer-example-${Date.now()}`;
  const kafka = createKafka(
    { brokers: brokers.split(','), clientId: 'consumer-example-int-spec' },
    jsonLogger('test', 'error'),
  );
  const publisher = new EventPublisher(kafka);
  let consumer: RunningProcess | undefined;

  beforeAll(async () => {
    await ensureTopics(kafka, { partitions: 3 });
  });

  afterAll(async () => {
    await consumer?.stop('SIGTERM');
    await publisher.disconnect();
  });

  it('prints one line per article, focus countries starred, and skips invalid messages', async () => {
    const article: ArticleEnrichedV1 = { ...structuredClone(exampleArticleEnriched), id: run };
    // A fresh group that starts at the oldest offset: the article cannot be missed however long
    // the group takes to join; older articles on the topic print too and are ignored here.
    consumer = spawnNode(script, [], {
      ...process.env,
      KAFKA_BROKERS: brokers,
      CONSUMER_GROUP: run,
      FROM_BEGINNING: '1',
    });

    // Straight through kafkajs: EventPublisher refuses to send what breaks the contract.
    const raw = kafka.producer();
    await raw.connect();
    try {
      await raw.send({
        topic: Topic.ArticleEnriched,
        messages: [{ key: `${run}-bad`, value: JSON.stringify({ id: `${run}-bad` }) }],
      });
    } finally {
      await raw.disconnect();
    }
    await publisher.publish(Topic.ArticleEnriched, article.id, article);

    const line = await waitFor(
      'the article line',
      () =>
        consumer
          ?.output()
          .split('\n')
          .find((l) => l.startsWith(`${run}  `)),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    // Built from the message rather than spelled out, so a new fixture does not break it.
    expect(line).toContain(`  ${article.title}  `);
    expect(article.countries.some((c) => c.focus)).toBe(true);
    for (const c of article.countries) {
      expect(line).toMatch(new RegExp(` ${c.code}${c.focus ? '\\*' : ''}(?= |$)`));
    }
    for (const t of article.topics) expect(line).toContain(t.label);
    await waitFor('the invalid message to be skipped', () =>
      /skipped news\.article\.enriched\.v1\/\d+@\d+: .*is required/.test(consumer?.output() ?? '')
        ? true
        : undefined,
    );

    const exit = await consumer.stop('SIGTERM');
    expect(exit.code).toBe(0);
  });
});
