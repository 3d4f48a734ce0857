import { Topic, exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { EventPublisher, createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import {
  TcpProxy,
  createTempDatabase,
  readDeadLetters,
  startGroupsAtTheEnd,
  startService,
  waitFor,
} from '@newsflow/testing';
import type { RunningService, TempDatabase } from '@newsflow/testing';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/**
 * The store service as its own process, in front of a Postgres that a TCP proxy can take away:
 * while the database is gone the store must keep the batch (no dead letter, nothing committed
 * past it) and write it once the database is back.
 */
describe('store while Postgres is down', () => {
  let database: TempDatabase;
  const proxy = new TcpProxy({ host: '127.0.0.1', port: 5432 });
  let store: RunningService;
  let kafka: Kafka;
  let publisher: EventPublisher;
  const groupPrefix = `store-outage-${Date.now()}`;

  beforeAll(async () => {
    database = await createTempDatabase();
    await proxy.start();
    kafka = createKafka(
      { brokers: brokers.split(','), clientId: 'store-int-spec' },
      jsonLogger('test', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    // Earlier suites leave thousands of articles in the shared topic: this store writes its own.
    await startGroupsAtTheEnd(kafka, groupPrefix);
    publisher = new EventPublisher(kafka);
    store = await startService('store', 13104, {
      ...process.env,
      KAFKA_BROKERS: brokers,
      KAFKA_GROUP_PREFIX: groupPrefix,
      DATABASE_URL: proxy.urlFor(database.name),
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await store?.stop('SIGTERM');
    await publisher.disconnect();
    await proxy.cut();
    await database.drop();
  });

  async function storedIds(ids: string[]): Promise<string[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ id: string }>(
        'SELECT id FROM articles WHERE id = ANY($1)',
        [ids],
      );
      return result.rows.map((r) => r.id).sort();
    } finally {
      await client.end();
    }
  }

  it('pauses and retries, then writes every article once Postgres is back', async () => {
    const articles: ArticleEnrichedV1[] = Array.from({ length: 10 }, (_, i) => ({
      ...(JSON.parse(JSON.stringify(exampleArticleEnriched)) as ArticleEnrichedV1),
      id: `${groupPrefix}-${i}`,
    }));
    const ids = articles.map((a) => a.id).sort();

    await proxy.cut();
    await publisher.publishMany(
      Topic.ArticleEnriched,
      articles.map((a) => ({ key: a.id, value: a })),
    );
    // Long enough for several failed attempts (the runner's first retries come within 2 s).
    await waitFor('the store to report the outage', () =>
      /Postgres unavailable|dependency unavailable/.test(store.output()) ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 3_000));

    await proxy.start();
    await waitFor(
      'all ten rows',
      async () => ((await storedIds(ids)).length === ids.length ? true : undefined),
      {
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    expect(await storedIds(ids)).toEqual(ids);
    const ours = new Set(ids);
    const letters = await readDeadLetters(kafka, `${Topic.ArticleEnriched}.dlq`, (l) =>
      ours.has(l.originalKey ?? ''),
    );
    expect(letters).toEqual([]);
  });
});
