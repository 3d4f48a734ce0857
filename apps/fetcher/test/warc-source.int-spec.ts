import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { SourcesRepository, connectMigrated } from '@newsflow/persistence';
import { sourceSpec } from '@newsflow/sources';
import {
  createTempDatabase,
  jsonOrNull,
  newsPages,
  startService,
  waitFor,
  writeArchive,
} from '@newsflow/testing';
import type { ArchiveBuilt, RunningService, TempDatabase } from '@newsflow/testing';
import type { Consumer, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/** Records read per poll (FETCH_MAX_PAGES_PER_POLL): the archive is read in slices of this. */
const SLICE = 50;

interface Cursor {
  archive: string;
  offset: number;
  complete: boolean;
}

interface PollLine {
  source: string;
  listed: number;
  published: number;
  ms: number;
}

/**
 * A `warc` source in the sources table, polled by the fetcher as a process against the real
 * broker and Postgres: an archive of the repository's real pages (120 copies, a crawl's request,
 * metadata, image and 404 records beside some) read a slice of 50 records a poll from the cursor
 * in its row; the fetcher SIGKILLed mid-archive and started again resumes from that cursor, and
 * every page reaches the fetched topic (a page in flight at the kill may come twice).
 */
describe('fetcher polling a warc source', () => {
  let kafka: Kafka;
  let reader: Consumer;
  let database: TempDatabase;
  let dataSource: DataSource;
  let sources: SourcesRepository;
  let dir: string;
  let archive: ArchiveBuilt;
  let sourceId: string;
  const published: ArticleFetchedV1[] = [];
  const fetchers: RunningService[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsflow-fetcher-warc-'));
    await mkdir(join(dir, 'folder'));
    archive = await writeArchive(join(dir, 'crawl.warc.gz'), newsPages(), {
      count: 120,
      extras: true,
    });
    database = await createTempDatabase();
    dataSource = await connectMigrated(database.url);
    sources = new SourcesRepository(dataSource);
    const spec = sourceSpec(archive.path, 'warc', 'Crawl');
    sourceId = spec.id;
    await sources.add({ ...spec, origin: 'cli' });

    kafka = createKafka(
      { brokers: brokers.split(','), clientId: 'fetcher-warc-int-spec' },
      jsonLogger('test', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    reader = kafka.consumer({ groupId: `fetcher-warc-int-${randomUUID()}` });
    await reader.connect();
    await reader.subscribe({ topic: Topic.ArticleFetched, fromBeginning: true });
    await reader.run({
      eachMessage: ({ message }) => {
        // The topic is shared with other suites: keep this source's messages only.
        const value = jsonOrNull<ArticleFetchedV1>(message.value);
        if (value?.source?.id === sourceId) published.push(value);
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    for (const fetcher of fetchers) await fetcher.stop('SIGTERM');
    await reader?.disconnect();
    await dataSource?.destroy();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function startFetcher(port: number): Promise<RunningService> {
    return startService('fetcher', port, {
      ...process.env,
      KAFKA_BROKERS: brokers,
      DATABASE_URL: database.url,
      FETCHER_FOLDERS: join(dir, 'folder'),
      FETCHER_POLL_MS: '100',
      FETCH_MAX_PAGES_PER_POLL: String(SLICE),
      // A finished archive is looked at again soon, so the test sees that it reads nothing.
      FETCH_MIN_POLL_MS: '500',
      FETCH_MAX_POLL_MS: '1000',
      // The killed fetcher's lease keeps the source from the restarted one until it runs out;
      // a slice of 50 records takes about a second.
      FETCH_LEASE_MS: '5000',
      LOG_LEVEL: 'info',
    });
  }

  async function cursorInRow(): Promise<Cursor | null> {
    return ((await sources.find(sourceId))?.cursor ?? null) as Cursor | null;
  }

  it('reads the archive in slices from the cursor in its row, and resumes there after a SIGKILL', async () => {
    const first = await startFetcher(13231);
    fetchers.push(first);
    // Killed as soon as a slice's cursor is saved with the archive unfinished.
    const killedAt = await waitFor(
      'a cursor saved mid-archive',
      async () => {
        const cursor = await cursorInRow();
        return cursor !== null && cursor.offset > 0 && !cursor.complete ? cursor : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    await first.stop('SIGKILL');
    const firstPolls = pollsOf(first.output(), sourceId);
    expect(firstPolls[0]).toMatchObject({ listed: SLICE });
    const resumedFrom = await cursorInRow();
    expect(resumedFrom?.complete).toBe(false);
    expect(resumedFrom?.offset).toBeGreaterThanOrEqual(killedAt.offset);
    expect(resumedFrom?.offset).toBeLessThan(archive.bytes);

    const second = await startFetcher(13232);
    fetchers.push(second);
    const done = await waitFor(
      'the archive read to its end',
      async () => {
        const cursor = await cursorInRow();
        return cursor?.complete ? cursor : undefined;
      },
      { timeoutMs: 40_000 },
    );
    expect(done).toEqual({ archive: 'crawl.warc.gz', offset: archive.bytes, complete: true });
    await waitFor('every page on the topic', () =>
      new Set(published.map((message) => message.url)).size >= archive.pages ? true : undefined,
    );

    // Nothing missing; what came twice is at most what was read since the last saved cursor.
    const urls = published.map((message) => message.url);
    expect([...new Set(urls)].sort()).toEqual([...archive.urls].sort());
    expect(urls.length - archive.pages).toBeLessThanOrEqual(SLICE);
    expect(published[0]?.source).toEqual({ id: sourceId, kind: 'warc', name: 'Crawl' });
    // The restarted fetcher went on from the cursor: it read only the records after it, a slice
    // at a time (the archive holds 120 pages and 12 other records).
    const secondPolls = pollsOf(second.output(), sourceId);
    const readAfterRestart = secondPolls.reduce((sum, poll) => sum + poll.listed, 0);
    expect(readAfterRestart).toBeLessThan(132);
    expect(secondPolls.every((poll) => poll.listed <= SLICE)).toBe(true);
    expect(firstPolls.every((poll) => poll.listed <= SLICE)).toBe(true);

    // A finished archive is polled on its interval and reads nothing more.
    const after = await waitFor('a poll of the finished archive', () => {
      const polls = pollsOf(second.output(), sourceId);
      const last = polls[polls.length - 1];
      return polls.length > secondPolls.length && last ? last : undefined;
    });
    expect(after).toMatchObject({ listed: 0, published: 0 });
    expect(await cursorInRow()).toEqual(done);
    const row = await sources.find(sourceId);
    expect(row).toMatchObject({ lastOutcome: 'ok', failureStreak: 0, enabled: true });
    expect(row?.itemsPublished).toBeGreaterThanOrEqual(archive.pages - SLICE);
  });
});

/** The polls of one source a fetcher logged, in order. */
function pollsOf(output: string, source: string): PollLine[] {
  return output
    .split('\n')
    .filter((line) => line.includes('"msg":"source polled"'))
    .map((line) => JSON.parse(line) as PollLine)
    .filter((poll) => poll.source === source);
}
