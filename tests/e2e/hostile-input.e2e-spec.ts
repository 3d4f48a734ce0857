import { readFileSync } from 'node:fs';
import {
  Topic,
  deadLetterTopicOf,
  exampleArticleEnriched,
  exampleArticleFetched,
  exampleArticleParsed,
} from '@newsflow/contracts';
import type { DeadLetterV1 } from '@newsflow/contracts';
import { createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { createDataSource } from '@newsflow/persistence';
import {
  createTempDatabase,
  readDeadLetters,
  stagePorts,
  startGroupsAtTheEnd,
  startService,
  waitFor,
} from '@newsflow/testing';
import type { RunningService, Stage, TempDatabase } from '@newsflow/testing';
import { CompressionTypes } from 'kafkajs';
import type { IHeaders, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';

const PORTS = stagePorts(17001);
const MB = 1_000_000;
type ConsumedTopic =
  | typeof Topic.ArticleFetched
  | typeof Topic.ArticleParsed
  | typeof Topic.ArticleEnriched;

/** What a hostile message must get: a dead letter with its reason, or a row like any other. */
type Outcome =
  | { deadLetter: DeadLetterV1['error']['code']; reason: RegExp }
  | { stored: string; check?: (row: StoredRow) => void };

interface HostileCase {
  kind: string;
  topic: ConsumedTopic;
  value: Buffer;
  headers?: IHeaders;
  /** Without a key (the rest share one key per topic, so they sit in one partition in order). */
  nullKey?: boolean;
  /** Compressed as a real producer would: values too large to pass uncompressed. */
  compressed?: boolean;
  outcome: Outcome;
}

interface StoredRow {
  id: string;
  title: string;
  body_text: string;
  paragraphs: string[];
  authors: string[];
}

let serial = 0;
/** A fresh 16-hex-digit article id for each message of the suite. */
function nextId(): string {
  serial += 1;
  return `ba5e${Date.now().toString(16).slice(-6)}${serial.toString(16).padStart(6, '0')}`;
}

function fetched(body: string, overrides: Record<string, unknown> = {}) {
  const id = nextId();
  return {
    id,
    value: { ...structuredClone(exampleArticleFetched), id, format: 'html', body, ...overrides },
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const sentence =
  'The council voted on Tuesday to rebuild the bridge that the spring floods took away.';
const article = (inner = '') =>
  `<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>${inner}${`<p>${sentence}</p>`.repeat(8)}</article></body></html>`;

/**
 * Hostile messages straight onto the topics the parser, the enricher and the store read, each
 * followed in its partition by good messages: every one gets a dead letter with its reason or
 * is stored like any other, the stages stay up, and the good messages after them are stored.
 * Real processes, the real broker and Postgres. The README's "What bad input gets" lists these.
 */
describe('hostile input on the topics', () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  const services = new Map<Stage, RunningService>();
  const run = `hostile-${Date.now()}`;
  const sent: { kase: HostileCase; partition: number; offset: string; id?: string }[] = [];

  beforeAll(async () => {
    database = await createTempDatabase();
    kafka = createKafka(
      { brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'e2e-hostile' },
      jsonLogger('e2e', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    await startGroupsAtTheEnd(kafka, run);
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      KAFKA_GROUP_PREFIX: run,
      LOG_LEVEL: 'error',
    };
    for (const stage of ['store', 'enricher', 'parser'] as const)
      services.set(stage, await startService(stage, PORTS[stage], env));
    producer = kafka.producer();
    await producer.connect();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    for (const service of [...services.values()].reverse()) await service.stop('SIGTERM');
    await producer?.disconnect();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  async function send(kase: HostileCase, id?: string): Promise<void> {
    const [metadata] = await producer.send({
      topic: kase.topic,
      compression: kase.compressed ? CompressionTypes.GZIP : CompressionTypes.None,
      messages: [
        {
          key: kase.nullKey ? null : `${run}-${kase.topic}`,
          value: kase.value,
          headers: kase.headers,
        },
      ],
    });
    sent.push({
      kase,
      partition: metadata?.partition ?? -1,
      offset: metadata?.baseOffset ?? '-1',
      id,
    });
  }

  it('dead-letters or stores each hostile message, and stores the good ones after them', async () => {
    const good = fetched(article());
    const goodParsed = { ...structuredClone(exampleArticleParsed), id: nextId() };
    const goodEnriched = { ...structuredClone(exampleArticleEnriched), id: nextId() };

    const nul = fetched(
      article(`<p>Zero\u0000bytes\u0000inside a paragraph of the story itself.</p>`),
    );
    const invalidUtf8 = fetched(
      article('<p>Bytes that are not UTF-8: @@@@ in the middle of the text here.</p>'),
    );
    const invalidUtf8Value = Buffer.from(JSON.stringify(invalidUtf8.value));
    invalidUtf8Value.fill(
      0xff,
      invalidUtf8Value.indexOf('@@@@'),
      invalidUtf8Value.indexOf('@@@@') + 4,
    );
    const author = fetched(
      article().replace('<head>', `<head><meta name="author" content="${'a@'.repeat(4_000)}">`),
    );
    const millionAttributes = fetched(
      article().replace('<article>', `<article${' a'.repeat(1_000_000)}>`),
    );
    const headers = fetched(article());
    const nullKey = fetched(article());
    const dots = { ...structuredClone(exampleArticleParsed), id: nextId() };
    dots.bodyText = '. '.repeat(100_000);
    dots.paragraphs = [dots.bodyText];
    const capitals = { ...structuredClone(exampleArticleParsed), id: nextId() };
    capitals.bodyText = 'Alpha Beta Gamma Delta Kenya France '.repeat(30_000);
    capitals.paragraphs = [capitals.bodyText];
    const manyParagraphs = { ...structuredClone(exampleArticleParsed), id: nextId() };
    manyParagraphs.paragraphs = Array.from({ length: 1_000_000 }, () => 'Hello there.');
    manyParagraphs.bodyText = manyParagraphs.paragraphs.join('\n\n');

    const cases: (HostileCase & { id?: string })[] = [
      // Transport
      {
        kind: 'bytes that are not JSON',
        topic: Topic.ArticleFetched,
        value: Buffer.from('<html>not { json'),
        outcome: { deadLetter: 'invalid-json', reason: /JSON/i },
      },
      {
        kind: 'JSON of the wrong schema',
        topic: Topic.ArticleFetched,
        value: json({ hello: 'world' }),
        outcome: { deadLetter: 'schema-violation', reason: /required/i },
      },
      {
        kind: 'a forged schemaVersion',
        topic: Topic.ArticleFetched,
        value: json({ ...fetched(article()).value, schemaVersion: 2 }),
        outcome: { deadLetter: 'schema-violation', reason: /schemaVersion/ },
      },
      {
        kind: 'a 10 MB value',
        topic: Topic.ArticleFetched,
        value: json(fetched(`<p>${'x'.repeat(10 * MB)}</p>`).value),
        outcome: { deadLetter: 'unprocessable', reason: /too-large|over the limit/ },
      },
      {
        kind: 'unknown headers',
        topic: Topic.ArticleFetched,
        value: json(headers.value),
        headers: { 'x-forged': 'yes', 'content-type': 'application/xml' },
        id: headers.id,
        outcome: { stored: headers.id },
      },
      {
        kind: 'a null key',
        topic: Topic.ArticleFetched,
        value: json(nullKey.value),
        nullKey: true,
        id: nullKey.id,
        outcome: { stored: nullKey.id },
      },
      // Pages
      {
        kind: '100,000 nested elements',
        topic: Topic.ArticleFetched,
        value: json(
          fetched(`<html><body>${'<div>'.repeat(100_000)}<p>${sentence}</p></body></html>`).value,
        ),
        outcome: { deadLetter: 'unprocessable', reason: /too-deep/ },
      },
      {
        kind: 'a million attributes',
        topic: Topic.ArticleFetched,
        value: json(millionAttributes.value),
        outcome: { deadLetter: 'unprocessable', reason: /too-large: an element has more than/ },
      },
      {
        kind: 'a page of only script',
        topic: Topic.ArticleFetched,
        value: json(
          fetched(`<html><body>${'<script>var a = 1;</script>'.repeat(20_000)}</body></html>`)
            .value,
        ),
        outcome: { deadLetter: 'unprocessable', reason: /no-article-text/ },
      },
      {
        kind: 'NUL bytes in the text',
        topic: Topic.ArticleFetched,
        value: json(nul.value),
        id: nul.id,
        outcome: {
          stored: nul.id,
          check: (row) => expect(JSON.stringify(row)).not.toContain('\\u0000'),
        },
      },
      {
        kind: 'invalid UTF-8 in the value',
        topic: Topic.ArticleFetched,
        value: invalidUtf8Value,
        outcome: { deadLetter: 'invalid-json', reason: /not valid UTF-8/ },
      },
      {
        kind: 'an author built to make a regular expression backtrack',
        topic: Topic.ArticleFetched,
        value: json(author.value),
        id: author.id,
        outcome: { stored: author.id, check: (row) => expect(row.authors).toEqual([]) },
      },
      // Enrichment
      {
        kind: 'a paragraph of 100,000 ". "',
        topic: Topic.ArticleParsed,
        value: json(dots),
        id: dots.id,
        outcome: { stored: dots.id },
      },
      {
        kind: '1 MB of capitalised names',
        topic: Topic.ArticleParsed,
        value: json(capitals),
        id: capitals.id,
        outcome: { stored: capitals.id },
      },
      {
        kind: 'a million paragraphs',
        topic: Topic.ArticleParsed,
        value: json(manyParagraphs),
        compressed: true,
        outcome: { deadLetter: 'unprocessable', reason: /paragraphs|too large|over/i },
      },
      {
        kind: 'a forged schemaVersion (enriched)',
        topic: Topic.ArticleEnriched,
        value: json({ ...goodEnriched, id: nextId(), schemaVersion: 9 }),
        outcome: { deadLetter: 'schema-violation', reason: /schemaVersion/ },
      },
    ];
    for (const kase of cases) await send(kase, kase.id);
    // The good messages last, in the same partitions as the hostile ones.
    await send(
      {
        kind: 'good page',
        topic: Topic.ArticleFetched,
        value: json(good.value),
        outcome: { stored: good.id },
      },
      good.id,
    );
    await send(
      {
        kind: 'good parsed',
        topic: Topic.ArticleParsed,
        value: json(goodParsed),
        outcome: { stored: goodParsed.id },
      },
      goodParsed.id,
    );
    await send(
      {
        kind: 'good enriched',
        topic: Topic.ArticleEnriched,
        value: json(goodEnriched),
        outcome: { stored: goodEnriched.id },
      },
      goodEnriched.id,
    );

    // The good messages sit after the hostile ones in their partitions: once they are rows, every
    // hostile message before them has been handled. The null-key one may sit anywhere.
    const lastIds = [good.id, goodParsed.id, goodEnriched.id, nullKey.id];
    const storedIdsNow = async () =>
      new Set(
        (
          await dataSource.query<{ id: string }[]>('SELECT id FROM articles WHERE id = ANY($1)', [
            sent.flatMap(({ id }) => (id ? [id] : [])),
          ])
        ).map((row) => row.id),
      );
    await waitFor(
      'the good messages after the hostile ones stored',
      async () => {
        const stored = await storedIdsNow();
        return lastIds.every((id) => stored.has(id)) ? true : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 1_000 },
    ).catch((error: unknown) => {
      for (const [stage, service] of services)
        process.stdout.write(`--- ${stage}:\n${service.output().slice(-4_000)}\n`);
      throw error;
    });

    const stored = await storedIdsNow();
    const rows = await dataSource.query<StoredRow[]>(
      'SELECT id, title, body_text, paragraphs, authors FROM articles WHERE id = ANY($1)',
      [[...stored]],
    );
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const { kase, partition, offset, id } of sent) {
      expected[kase.kind] = 'stored' in kase.outcome ? 'stored' : kase.outcome.deadLetter;
      const row = rows.find((r) => r.id === id);
      if (row) {
        outcomes[kase.kind] = 'stored';
        if ('stored' in kase.outcome) kase.outcome.check?.(row);
        continue;
      }
      const [letter] = await readDeadLetters(
        kafka,
        deadLetterTopicOf(kase.topic),
        (l) => l.partition === partition && l.offset === offset && l.topic === kase.topic,
        { atLeast: 1, timeoutMs: 30_000 },
      ).catch(() => []);
      const reasonOk =
        'reason' in kase.outcome && kase.outcome.reason.test(letter?.error.message ?? '');
      outcomes[kase.kind] = letter
        ? `${letter.error.code}${reasonOk ? '' : `: ${letter.error.message.slice(0, 200)}`}`
        : 'neither stored nor dead-lettered';
    }
    process.stdout.write(`e2e: hostile input outcomes ${JSON.stringify(outcomes, null, 1)}\n`);
    expect(outcomes).toEqual(expected);

    // Every stage is still up and ready; how much memory the hostile messages took.
    for (const [stage, service] of services) {
      const response = await fetch(`http://127.0.0.1:${service.httpPort}/health/ready`);
      expect({ stage, status: response.status }).toEqual({ stage, status: 200 });
      const peak = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1];
      process.stdout.write(
        `e2e: hostile input: ${stage} peak RSS ${Math.round(Number(peak) / 1024)} MB\n`,
      );
    }
  }, 600_000);
});
