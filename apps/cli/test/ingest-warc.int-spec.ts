import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { createKafka, ensureTopics, readRanges } from '@newsflow/messaging';
import type { PartitionRange } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { REPO_ROOT, newsPages, waitFor, writeArchive } from '@newsflow/testing';
import type { ArchiveBuilt } from '@newsflow/testing';
import type { Admin, Kafka } from 'kafkajs';
import { runNewsctl } from './run-newsctl';

const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const NEWSCTL = resolve(REPO_ROOT, 'dist/apps/cli/src/main.js');

interface Summary {
  resumedFrom: { offset: number } | null;
  cursor: { offset: number; complete: boolean };
  records: number;
  published: number;
  skipped: Record<string, number>;
  refused: number;
  damaged: { offset: number; reason: string }[];
  peakRssMb: number;
}

/**
 * `newsctl ingest <archive.warc.gz>` as a person runs it (the built CLI) against the real
 * broker: an archive of the repository's real pages with a request, metadata, image and 404
 * beside them, a gzip member cut mid-archive and a record cut at the end; killed (SIGKILL)
 * mid-archive and run again, it resumes from the recorded offset and no page is missing.
 */
describe('newsctl ingest of a web archive', () => {
  let kafka: Kafka;
  let admin: Admin;
  let dir: string;
  let archive: ArchiveBuilt;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    kafka = createKafka(
      { brokers: BROKERS.split(','), clientId: 'cli-warc-spec' },
      jsonLogger('test', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    admin = kafka.admin();
    await admin.connect();
    dir = await mkdtemp(join(tmpdir(), 'newsflow-warc-'));
    // 39 real pages (about 170 KB each) copied to 400: about 14 MB compressed, 70 MB of pages.
    archive = await writeArchive(join(dir, 'crawl.warc.gz'), newsPages(), {
      count: 400,
      extras: true,
      damaged: true,
      truncatedEnd: true,
    });
    env = { ...process.env, KAFKA_BROKERS: BROKERS, LOG_LEVEL: 'warn' };
  });

  afterAll(async () => {
    await admin?.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  async function topicEnds(): Promise<Map<number, string>> {
    const offsets = await admin.fetchTopicOffsets(Topic.ArticleFetched);
    return new Map(offsets.map(({ partition, high }) => [partition, high]));
  }

  async function urlsPublishedSince(before: Map<number, string>): Promise<string[]> {
    const after = await topicEnds();
    const ranges: PartitionRange[] = [...after]
      .map(([partition, to]) => ({
        topic: Topic.ArticleFetched,
        partition,
        from: before.get(partition) ?? '0',
        to,
      }))
      .filter((range) => BigInt(range.to) > BigInt(range.from));
    const urls: string[] = [];
    await readRanges(
      kafka,
      ranges,
      (message) => {
        const value = JSON.parse(message.value?.toString() ?? 'null') as ArticleFetchedV1;
        if (value.source.kind === 'warc' && value.url !== null) urls.push(value.url);
      },
      { groupPrefix: 'cli-warc-spec-read' },
    );
    return urls;
  }

  it('publishes every page once read through, reports the damaged records, and resumes after a kill', async () => {
    const before = await topicEnds();
    const stateDir = join(dir, 'state');
    const args = ['ingest', archive.path, '--state-dir', stateDir];

    // The first run is killed as soon as it has recorded an offset past the first page: an
    // offset past the warcinfo record alone would leave every page to the second run.
    const first = spawn('node', [NEWSCTL, ...args], { env, stdio: 'ignore' });
    const exited = new Promise<void>((done) => first.once('exit', () => done()));
    const stateFile = async () => {
      const names = await readdir(stateDir).catch(() => [] as string[]);
      const file = names.find((entry) => entry.endsWith('.json'));
      if (file === undefined) return null;
      return JSON.parse(await readFile(join(stateDir, file), 'utf8')) as {
        cursor: { offset: number; complete: boolean };
      };
    };
    await waitFor(
      'a recorded offset past the first page',
      async () =>
        ((await stateFile())?.cursor.offset ?? 0) > (archive.offsets[0] ?? 0) ? true : undefined,
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    first.kill('SIGKILL');
    await exited;
    const killedAt = (await stateFile())?.cursor;
    expect(killedAt?.complete).toBe(false);
    expect(killedAt?.offset).toBeLessThan(archive.bytes);

    const second = await runNewsctl(args, env);
    const summary = JSON.parse(second.out) as Summary;
    expect(summary.resumedFrom?.offset).toBe(killedAt?.offset);
    // Nothing acknowledged before the kill is read again: exactly the pages after the offset.
    const after = archive.offsets.filter((offset) => offset >= (killedAt?.offset ?? 0)).length;
    expect(summary.published).toBe(after);
    expect(after).toBeLessThan(archive.pages);
    // The damaged member mid-archive and the record cut at the end: reported, exit 1.
    expect(second.code).toBe(1);
    expect(second.err).toMatch(
      /crawl\.warc\.gz@\d+: truncated: the gzip member at offset \d+ cannot be inflated \(cut short or damaged\); read on from offset \d+/,
    );
    expect(second.err).toMatch(
      /truncated: the response record of https:\/\/copies\.example\/truncated .*nothing readable follows/,
    );
    expect(summary.damaged).toHaveLength(2);
    expect(summary.skipped['not-html']).toBeGreaterThan(0);
    expect(summary.skipped['not-a-response']).toBeGreaterThan(0);
    expect(summary.skipped['http-status']).toBeGreaterThan(0);

    // Nothing lost: every page of the archive reached the fetched topic, some perhaps twice
    // (in flight at the kill: the store upserts by id).
    const published = await urlsPublishedSince(before);
    expect(new Set(published)).toEqual(new Set(archive.urls));

    // A third run starts at the cut record, reports it again and publishes nothing.
    const third = JSON.parse((await runNewsctl(args, env)).out) as Summary;
    expect(third).toMatchObject({ published: 0, records: 0 });
    expect(third.resumedFrom?.offset).toBe(summary.cursor.offset);
  }, 60_000);
});
