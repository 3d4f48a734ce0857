import { randomBytes } from 'node:crypto';
import {
  DEAD_LETTER_REPLAYS_TOPIC,
  Topic,
  deadLetterTopicOf,
  exampleArticleFetched,
  exampleDeadLetter,
} from '@newsflow/contracts';
import type { ArticleFetchedV1, DeadLetterV1 } from '@newsflow/contracts';
import {
  EventPublisher,
  REPLAYED_FROM_HEADER,
  createKafka,
  ensureTopics,
  readRanges,
} from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import {
  createTempDatabase,
  newsPages,
  readDeadLetters,
  stagePorts,
  startGroupsAtTheEnd,
  startService,
  waitFor,
} from '@newsflow/testing';
import type { RunningService, TempDatabase } from '@newsflow/testing';
import { ConfigResourceTypes } from 'kafkajs';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import type { ReplaySummary } from '../src/commands/dlq.command';
import { PROGRESS_FROM_LETTERS } from '../src/commands/dead-letter-view';
import type { Listing } from '../src/commands/dead-letter-view';
import { runNewsctl } from './run-newsctl';
import type { NewsctlRun } from './run-newsctl';

const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
/** This suite's block of health ports: 17101-17104 (the fetcher's is not used). */
const PORTS = stagePorts(17101);
/** Small enough that any real page is too large for the parser. */
const TINY_DOCUMENT_CHARS = 1_000;
const FETCHED_DLQ = deadLetterTopicOf(Topic.ArticleFetched);

/**
 * `newsctl dlq` as a person runs it (the built CLI), against the real broker, over letters the
 * real stages wrote, with the replayed page ending as a row in the real Postgres.
 */
describe('newsctl dlq', () => {
  const prefix = `cli-dlq-${Date.now()}`;
  let database: TempDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let publisher: EventPublisher;
  let env: NodeJS.ProcessEnv;
  const services = new Map<string, RunningService>();

  beforeAll(async () => {
    database = await createTempDatabase();
    kafka = createKafka(
      { brokers: BROKERS.split(','), clientId: 'cli-dlq-spec' },
      jsonLogger('test', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    // The topics are shared with earlier suites: this suite's stages read only its own messages.
    await startGroupsAtTheEnd(kafka, prefix);
    producer = kafka.producer();
    await producer.connect();
    publisher = new EventPublisher(kafka);
    env = {
      ...process.env,
      KAFKA_BROKERS: BROKERS,
      KAFKA_GROUP_PREFIX: prefix,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
    };
    // The fault made for the test: a parser that finds every real page too large.
    services.set(
      'parser',
      await startService('parser', PORTS.parser, {
        ...env,
        PARSER_MAX_DOCUMENT_CHARS: String(TINY_DOCUMENT_CHARS),
      }),
    );
  });

  afterAll(async () => {
    for (const service of [...services.values()].reverse()) await service.stop('SIGTERM');
    await producer?.disconnect();
    await publisher?.disconnect();
    await database?.drop();
  });

  function newsctl(args: string[], overrides: NodeJS.ProcessEnv = {}): Promise<NewsctlRun> {
    return runNewsctl(['dlq', ...args], { ...env, ...overrides }, { maxBuffer: 64 * 1024 * 1024 });
  }

  async function listed(...args: string[]): Promise<Listing> {
    const { code, out, err } = await newsctl(['list', '--json', ...args]);
    expect(code).toBe(0);
    // Only progress, when the shared topics hold many letters (earlier suites' and runs').
    for (const line of err.split('\n').filter((l) => l !== ''))
      expect(line).toMatch(/^\d+\/\d+ letters, [\d.]+ MB, [\d.]+ s$/);
    return JSON.parse(out) as Listing;
  }

  const byKey = (listing: Listing, key: string) =>
    listing.letters.filter((letter) => letter.original?.key === key);

  /** The groups `newsctl dlq` reads through, as the broker lists them now. */
  async function readerGroups(): Promise<string[]> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      return groups.map((g) => g.groupId).filter((id) => id.startsWith('newsctl-reader-'));
    } finally {
      await admin.disconnect();
    }
  }

  async function storedIds(id: string): Promise<string[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = $1', [
        id,
      ]);
      return rows.map((row) => row.id);
    } catch (error) {
      // The store makes the table when it starts.
      if ((error as { code?: string }).code === '42P01') return [];
      throw error;
    } finally {
      await client.end();
    }
  }

  it('lists a poison message the parser dead-lettered, with its reason, and shows it', async () => {
    const key = `${prefix}-poison`;
    await producer.send({
      topic: Topic.ArticleFetched,
      messages: [{ key, value: '{"id": "half a message' }],
    });
    await readDeadLetters(kafka, FETCHED_DLQ, (letter) => letter.originalKey === key, {
      keys: [key],
      timeoutMs: 60_000,
    });

    const readersBefore = await readerGroups();
    const listing = await listed('--reason', 'invalid-json');
    // The throwaway group it read through is gone.
    expect((await readerGroups()).filter((g) => !readersBefore.includes(g))).toEqual([]);
    const [letter] = byKey(listing, key);
    expect(letter).toMatchObject({
      dlqTopic: FETCHED_DLQ,
      stage: 'parser',
      code: 'invalid-json',
      original: { topic: Topic.ArticleFetched, truncated: false },
      replayed: null,
    });
    expect(letter?.id).toBe(`${FETCHED_DLQ}:${letter?.partition}:${letter?.offset}`);
    // --reason keeps only that reason, in the counts too.
    expect(listing.counts.map((c) => c.code)).toEqual(['invalid-json']);
    expect(listing.letters.every((l) => l.code === 'invalid-json')).toBe(true);

    const table = await newsctl(['list', '--topic', Topic.ArticleFetched]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^dead-letter topic +reason +letters +replayed\n/);
    expect(table.out).toMatch(
      new RegExp(`^news\\.article\\.fetched\\.v1\\.dlq +invalid-json +\\d+ +\\d+$`, 'm'),
    );
    const row = table.out.split('\n').find((line) => line.startsWith(`${letter?.id ?? '?'} `));
    expect(row).toMatch(
      / parser +invalid-json +\d{4}-\d\d-\d\dT.* +-  +news\.article\.fetched\.v1: /,
    );
    expect(table.out).toMatch(/\n\d+ letters?\n$/);

    const shown = await newsctl(['show', letter?.id ?? '']);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`^id +${letter?.id ?? '?'}$`, 'm'));
    expect(shown.out).toMatch(/^reason +invalid-json$/m);
    expect(shown.out).toMatch(new RegExp(`^key +${key}$`, 'm'));
    expect(shown.out).toContain('\noriginal (text):\n{"id": "half a message\n');
  });

  it('replays a page dead-lettered by a fault, once fixed, into Postgres; a second replay skips it', async () => {
    const page = newsPages()[3];
    if (!page) throw new Error('the news pages fixture is missing');
    const fetched: ArticleFetchedV1 = {
      ...structuredClone(exampleArticleFetched),
      id: randomBytes(8).toString('hex'),
      url: page.url,
      format: 'html',
      body: page.html,
    };
    await publisher.publish(Topic.ArticleFetched, fetched.id, fetched);
    const [dead] = await readDeadLetters(kafka, FETCHED_DLQ, (l) => l.originalKey === fetched.id, {
      keys: [fetched.id],
      timeoutMs: 60_000,
    });
    expect(dead?.error.message).toMatch(/^too-large: /);

    // The fault is fixed: the parser at its normal limit, and the stages after it.
    await services.get('parser')?.stop('SIGTERM');
    services.set('parser', await startService('parser', PORTS.parser, env));
    services.set('enricher', await startService('enricher', PORTS.enricher, env));
    services.set('store', await startService('store', PORTS.store, env));

    const [letter] = byKey(await listed('--topic', FETCHED_DLQ), fetched.id);
    expect(letter).toMatchObject({ code: 'unprocessable', stage: 'parser', replayed: null });
    const id = letter?.id ?? '';
    expect(await storedIds(fetched.id)).toEqual([]);

    const dry = await newsctl(['replay', id, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({
      dryRun: true,
      selected: 1,
      replayed: [{ id, topic: Topic.ArticleFetched, partition: null, offset: null, times: 1 }],
    });

    const first = await newsctl(['replay', id]);
    expect(first.code).toBe(0);
    const done = JSON.parse(first.out) as ReplaySummary;
    expect(done).toMatchObject({
      dryRun: false,
      selected: 1,
      replayed: [{ id, topic: Topic.ArticleFetched, times: 1 }],
      skipped: [],
      refused: [],
      notFound: [],
      left: 0,
    });

    await waitFor(
      'the replayed page as a row',
      async () => {
        const ids = await storedIds(fetched.id);
        return ids.length > 0 ? ids : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );

    // The replayed message is the original, key and bytes, and says which letter it came from.
    const replayed = done.replayed[0];
    const message = await messageAt(
      Topic.ArticleFetched,
      replayed?.partition ?? -1,
      replayed?.offset ?? '-1',
    );
    expect(message.key).toBe(fetched.id);
    expect(message.value).toEqual(Buffer.from(dead?.originalValue ?? '', 'base64'));
    expect(message.headers[REPLAYED_FROM_HEADER]).toBe(id);

    const second = await newsctl(['replay', id]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({
      selected: 1,
      replayed: [],
      skipped: [
        {
          id,
          reason: expect.stringMatching(/^replayed at .*; --again replays it again$/) as unknown,
        },
      ],
    });
    const [marked] = byKey(await listed('--topic', FETCHED_DLQ), fetched.id);
    expect(marked?.replayed).toEqual({ at: expect.any(String) as unknown, times: 1 });

    const again = await newsctl(['replay', id, '--again', '--dry-run']);
    expect(JSON.parse(again.out)).toMatchObject({ replayed: [{ id, times: 2 }], skipped: [] });
  }, 240_000);

  it('refuses to replay a letter that kept only part of its original, and names ids not there', async () => {
    const key = `${prefix}-cut`;
    const cut: DeadLetterV1 = {
      ...structuredClone(exampleDeadLetter),
      topic: Topic.ArticleFetched,
      stage: 'parser',
      originalKey: key,
      originalBytes: 9_000_000,
      originalTruncated: true,
      error: { code: 'unprocessable', message: 'too-large: made by the test' },
    };
    await publisher.publish(FETCHED_DLQ, key, cut);
    const [letter] = byKey(await listed('--topic', FETCHED_DLQ), key);
    const id = letter?.id ?? '';
    expect(letter?.original?.truncated).toBe(true);

    const refused = await newsctl(['replay', id, `${FETCHED_DLQ}:0:999999999`]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      replayed: [],
      refused: [
        { id, reason: 'original truncated: the letter keeps only part of its 9000000 bytes' },
      ],
      notFound: [
        {
          id: `${FETCHED_DLQ}:0:999999999`,
          reason: expect.stringMatching(/^the partition holds \d+\.\.\d+$/) as unknown,
        },
      ],
    });
    const shown = await newsctl(['show', id]);
    expect(shown.out).toMatch(/^bytes +9000000, TRUNCATED: cannot be replayed/m);
    expect(shown.out).toContain('note: original truncated: the letter keeps');
  });

  it('says what is wrong with an id, or with the flags, and exits 2', async () => {
    const wrong = await newsctl(['show', 'news.article.fetched.v1:0:3']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(
      /^newsctl: .*is an article topic: a dead letter id names its news\.article\.fetched\.v1\.dlq\n/,
    );
    const both = await newsctl(['replay', `${FETCHED_DLQ}:0:1`, '--reason', 'invalid-json']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/^newsctl: dlq replay takes letter ids, or --reason CODE/);
  });

  it('draws progress on stderr while reading many letters, stdout staying JSON', async () => {
    const enrichedDlq = deadLetterTopicOf(Topic.ArticleEnriched);
    const many = Array.from({ length: PROGRESS_FROM_LETTERS }, (_, i) => ({
      key: `${prefix}-many-${i}`,
      value: {
        ...structuredClone(exampleDeadLetter),
        topic: Topic.ArticleEnriched,
        stage: 'store',
        originalKey: `${prefix}-many-${i}`,
      },
    }));
    await publisher.publishMany(enrichedDlq, many);

    const { code, out, err } = await newsctl(['list', '--topic', enrichedDlq, '--json']);
    expect(code).toBe(0);
    const listing = JSON.parse(out) as Listing;
    expect(
      listing.letters.filter((l) => l.original?.key?.startsWith(`${prefix}-many-`)),
    ).toHaveLength(PROGRESS_FROM_LETTERS);
    // Not a terminal: a count line every 100 letters and one at the end.
    const total = listing.counts.reduce((sum, c) => sum + c.letters, 0);
    expect(err).toMatch(new RegExp(`^100/${total} letters, `));
    expect(err).toMatch(new RegExp(`\\n${total}/${total} letters, [\\d.]+ MB, [\\d.]+ s\\n$`));

    // A dry run chooses by reason without sending anything.
    const dry = await newsctl([
      'replay',
      '--reason',
      'schema-violation',
      '--topic',
      enrichedDlq,
      '--dry-run',
    ]);
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.out) as ReplaySummary;
    expect(summary.selected).toBeGreaterThanOrEqual(PROGRESS_FROM_LETTERS);
    expect(summary.replayed.filter((r) => r.partition === null)).toHaveLength(
      summary.replayed.length,
    );
    expect(dry.err).toMatch(/ letters, [\d.]+ MB, [\d.]+ s\n$/);
  });

  /** The message at an offset, read with a throwaway group. */
  async function messageAt(
    topic: string,
    partition: number,
    offset: string,
  ): Promise<{ key: string | null; value: Buffer | null; headers: Record<string, string> }> {
    let found:
      | { key: string | null; value: Buffer | null; headers: Record<string, string> }
      | undefined;
    await readRanges(
      kafka,
      [{ topic, partition, from: offset, to: (BigInt(offset) + 1n).toString() }],
      (message) => {
        found = {
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [
              name,
              Buffer.isBuffer(value) ? value.toString('utf8') : String(value),
            ]),
          ),
        };
      },
      { groupPrefix: 'cli-dlq-spec' },
    );
    if (!found) throw new Error(`no message at ${topic}:${partition}:${offset}`);
    return found;
  }

  it('keeps the replay record on its compacted topic', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [described] = (
        await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: DEAD_LETTER_REPLAYS_TOPIC }],
        })
      ).resources;
      const policy = described?.configEntries.find((e) => e.configName === 'cleanup.policy');
      expect(policy?.configValue).toBe('compact');
    } finally {
      await admin.disconnect();
    }
  });
});
