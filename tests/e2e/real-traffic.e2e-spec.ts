import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { deadLetterTopicOf, Topic } from '@newsflow/contracts';
import { createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { SourcesRepository, createDataSource } from '@newsflow/persistence';
import { sourceSpec } from '@newsflow/sources';
import {
  FeedServer,
  REPO_ROOT,
  createTempDatabase,
  newsPages,
  readDeadLetters,
  spawnNode,
  startGroupsAtTheEnd,
  stagePorts,
  startStages,
  stopStages,
  waitFor,
} from '@newsflow/testing';
import type { NewsPage, RunningService, ServedPage, Stage, TempDatabase } from '@newsflow/testing';
import type { Kafka } from 'kafkajs';
import { isReadable } from '../readable-pages';
import type { DataSource } from 'typeorm';

const PORTS = stagePorts(14001);
/** The fetcher's default page limit (FETCH_MAX_BYTES), which this suite keeps. */
const FETCH_MAX_BYTES = 5_000_000;

/**
 * Real traffic through the four services as processes, on the real broker and Postgres: the 39
 * real news pages in tests/fixtures (257 KB on average, four of them over 1 MB) served as a feed,
 * pages at the fetcher's byte limit and just past it, and a folder of a thousand real pages
 * ingested with newsctl. Small fixtures hid that none of this fitted in Kafka's default 1 MB.
 */
describe('real traffic end to end', () => {
  let database: TempDatabase;
  let env: NodeJS.ProcessEnv;
  let dataSource: DataSource;
  let kafka: Kafka;
  let services: Map<Stage, RunningService> | undefined;
  const pages = newsPages();

  beforeAll(async () => {
    database = await createTempDatabase();
    const prefix = `traffic-${database.name}`;
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      // No folder for the service: the folder test uses newsctl ingest.
      FETCHER_FOLDERS: await mkdtemp(join(tmpdir(), 'newsflow-empty-')),
      FETCHER_POLL_MS: '200',
      FETCH_ALLOWED_NETWORKS: '127.0.0.0/8',
      FETCH_MIN_GAP_MS: '0',
      // Polled again every second: a page held is not fetched again on later polls.
      FETCH_MIN_POLL_MS: '1000',
      KAFKA_GROUP_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    };
    kafka = createKafka(
      { brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'e2e-traffic' },
      jsonLogger('e2e', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    await startGroupsAtTheEnd(kafka, prefix);
    services = await startStages(PORTS, env);
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (services) await stopStages(services);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await rm(env.FETCHER_FOLDERS ?? '', { recursive: true, force: true });
    await database.drop();
  });

  async function rowsOf(sourceId: string): Promise<string[]> {
    const rows = await dataSource.query<{ id: string }[]>(
      'SELECT id FROM articles WHERE source_id = $1',
      [sourceId],
    );
    return rows.map((row) => row.id);
  }

  /** The ids the fetcher published for a source: from each page's canonical URL. */
  async function publishedIds(sourceId: string): Promise<string[]> {
    const rows = await dataSource.query<{ article_id: string }[]>(
      'SELECT article_id FROM fetched_pages WHERE source_id = $1 AND refused IS NULL',
      [sourceId],
    );
    return rows.map((row) => row.article_id);
  }

  async function addFeed(feed: FeedServer, name: string): Promise<string> {
    const spec = sourceSpec(feed.feedUrl, 'feed', name);
    await new SourcesRepository(dataSource).add({ ...spec, origin: 'cli' });
    return spec.id;
  }

  it('stores every readable page of a feed of real pages once, fetching each page once', async () => {
    const feed = await FeedServer.start(pages.map((page) => served(page)));
    try {
      const sourceId = await addFeed(feed, 'Real pages');
      const ids = await waitFor(
        `all ${pages.length} pages published`,
        async () => {
          const published = await publishedIds(sourceId);
          return published.length === pages.length ? published : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );

      // Every page becomes a row, or a dead letter of the parser's when it holds no article.
      const { rows, unreadable } = await waitFor(
        'every page stored or dead-lettered',
        async () => {
          const stored = await rowsOf(sourceId);
          const missing = ids.filter((id) => !stored.includes(id));
          const letters =
            missing.length === 0
              ? []
              : await readDeadLetters(
                  kafka,
                  deadLetterTopicOf(Topic.ArticleFetched),
                  (letter) => missing.includes(letter.originalKey ?? ''),
                  { timeoutMs: 2_000 },
                );
          const lettered = new Set(letters.map((letter) => letter.originalKey));
          return stored.length + lettered.size === ids.length
            ? { rows: stored, unreadable: letters }
            : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 2_000 },
      );
      process.stdout.write(
        `e2e: feed of ${pages.length} real pages -> ${rows.length} rows, ${new Set(unreadable.map((l) => l.originalKey)).size} without article text\n`,
      );
      expect(new Set(rows).size).toBe(rows.length);
      expect(rows.length).toBeGreaterThanOrEqual(pages.length - 3);
      for (const letter of unreadable) expect(letter.error.code).toBe('unprocessable');

      // The largest page (1.49 MB) is among the rows: nothing is lost to size.
      const largest = pages.reduce((a, b) => (a.html.length > b.html.length ? a : b));
      const [largestId] = await dataSource.query<{ article_id: string }[]>(
        'SELECT article_id FROM fetched_pages WHERE url = $1',
        [feed.urlOf(served(largest))],
      );
      expect(rows).toContain(largestId?.article_id);

      // Polled again since (every second), and no page asked for twice.
      const polls = await dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM sources WHERE id = $1 AND last_polled_at > now() - interval '5 seconds'`,
        [sourceId],
      );
      expect(Number(polls[0]?.n)).toBe(1);
      expect([...feed.pageRequests().values()]).toEqual(pages.map(() => 1));
    } finally {
      await feed.close();
    }
  });

  it('stores a page at the byte limit and refuses one a byte over, recorded on its source', async () => {
    const base = pages[0] as NewsPage;
    const atLimit = served(padTo(base, FETCH_MAX_BYTES), '/limit/at.html');
    const overLimit = served(padTo(base, FETCH_MAX_BYTES + 1), '/limit/over.html');
    const feed = await FeedServer.start([atLimit, overLimit]);
    try {
      const sourceId = await addFeed(feed, 'Limits');

      const source = await waitFor(
        'the poll recorded',
        async () => {
          const found = await new SourcesRepository(dataSource).find(sourceId);
          return found?.lastOutcome ? found : undefined;
        },
        { timeoutMs: 60_000 },
      );
      expect(source).toMatchObject({ lastOutcome: 'ok', itemsPublished: 1, pagesRefused: 1 });
      expect(source.lastRefusal).toMatch(
        new RegExp(`^${feed.urlOf(overLimit)}: too-large: .*exceeds ${FETCH_MAX_BYTES} bytes$`),
      );
      const [ok] = await publishedIds(sourceId);
      await waitFor('the page at the limit stored', async () =>
        (await rowsOf(sourceId)).includes(ok ?? '') ? true : undefined,
      );

      const metrics = await (await fetch(`http://127.0.0.1:${PORTS.fetcher}/metrics`)).text();
      expect(metrics).toContain(
        `newsflow_pages_refused_total{source="${sourceId}",reason="too-large"} 1`,
      );
      // Remembered as refused: later polls (every second) do not fetch it again.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(feed.pageRequests().get('/limit/over.html')).toBe(1);
    } finally {
      await feed.close();
    }
  });

  it('ingests a folder of a thousand real pages with newsctl, in bounded memory', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsflow-thousand-'));
    try {
      const copies = Math.ceil(1_000 / pages.length);
      let bytes = 0;
      for (let copy = 0; copy < copies; copy += 1) {
        for (const page of pages) {
          // Each copy its own article: its own canonical URL, found before the page's own.
          const html = page.html.replace(
            /<head[^>]*>/i,
            (head) =>
              `${head}<link rel="canonical" href="https://copies.example/${copy}/${page.id}">`,
          );
          bytes += Buffer.byteLength(html);
          await writeFile(join(folder, `${copy}-${page.id}.html`), html);
        }
      }
      await writeFile(
        join(folder, 'zz-too-large.html'),
        padTo(pages[0] as NewsPage, FETCH_MAX_BYTES + 1).html,
      );
      const files = copies * pages.length;

      const cli = spawnNode(resolve(REPO_ROOT, 'dist/apps/cli/src/main.js'), ['ingest', folder], {
        ...env,
        LOG_LEVEL: 'warn',
      });
      const exit = await cli.exited;
      const output = cli.output();
      const summary = JSON.parse(output.slice(output.indexOf('{\n'))) as {
        files: number;
        published: number;
        failed: { file: string; reason: string }[];
        peakRssMb: number;
        seconds: number;
      };
      process.stdout.write(
        `e2e: newsctl ingest of ${files + 1} files (${Math.round(bytes / 1e6)} MB): ${summary.seconds} s, peak RSS ${summary.peakRssMb} MB\n`,
      );

      // One line for the file it could not publish, and a failing exit code for it.
      expect(exit.code).toBe(1);
      expect(summary).toMatchObject({ files: files + 1, published: files });
      expect(summary.failed).toEqual([
        {
          file: 'zz-too-large.html',
          reason: `too-large: ${FETCH_MAX_BYTES + 1} bytes, over the ${FETCH_MAX_BYTES}-byte limit (FETCH_MAX_BYTES)`,
        },
      ]);
      expect(output).toContain(`newsctl ingest: zz-too-large.html: too-large:`);
      // Not a terminal: plain count lines.
      expect(output).toMatch(new RegExp(`^100/${files + 1} files, `, 'm'));
      // Memory does not follow the folder: pages go out as they are read (ingest used to hold
      // the whole folder, and died on 189 MB). 193-233 MB were measured for these 261 MB, and
      // 95 MB for 4 pages, 216 MB for 2,172 (378 MB) on npm start's stack.
      expect(summary.peakRssMb).toBeLessThan(300);

      // Every copy of every page the parser can read is a row of its own.
      const readable = pages.filter(isReadable).length * copies;
      const sourceId = `folder:${basename(folder)}`;
      const stored = await waitFor(
        `the ${readable} readable pages stored`,
        async () => {
          const rows = await rowsOf(sourceId);
          return rows.length >= readable ? rows : undefined;
        },
        { timeoutMs: 600_000, intervalMs: 2_000 },
      );
      expect(stored).toHaveLength(readable);
      expect(new Set(stored).size).toBe(readable);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

function served(page: NewsPage, path = `/news/${page.id}.html`): ServedPage {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(page.html)?.[1]?.trim() || page.id;
  return { path, html: page.html, title };
}

/**
 * The page padded to exactly `bytes` of UTF-8 with an inline data script, as real pages carry
 * (a framework's state, an ad configuration): the article text stays the page's own.
 */
function padTo(page: NewsPage, bytes: number): NewsPage {
  const open = '<script type="application/json" id="state">';
  const close = '</script>';
  const room = bytes - Buffer.byteLength(page.html) - open.length - close.length;
  if (room < 0) throw new Error(`page ${page.id} is already over ${bytes} bytes`);
  const unit = '{"slot":"ad-top","sizes":[[728,90],[970,250]],"targeting":{"section":"news"}},';
  const filler = unit.repeat(Math.ceil(room / unit.length)).slice(0, room);
  const html = page.html.replace(/<\/head>/i, `${open}${filler}${close}</head>`);
  if (Buffer.byteLength(html) !== bytes) throw new Error(`page ${page.id} has no </head>`);
  return { ...page, html };
}
