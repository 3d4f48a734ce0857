import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SourcesRepository, createDataSource } from '@newsflow/persistence';
import { sourceSpec } from '@newsflow/sources';
import {
  FeedServer,
  REPO_ROOT,
  createTempDatabase,
  newsPages,
  stagePorts,
  startStages,
  stopStages,
  startTestBroker,
  stopTestBroker,
  waitFor,
} from '@newsflow/testing';
import type { RunningService, Stage, TempDatabase, TestBroker } from '@newsflow/testing';
import type { DataSource } from 'typeorm';

const BROKER_PORT = 19192;
const PORTS = stagePorts(15001);

/**
 * The broker goes away in the middle of a poll of real pages, and comes back: the fetcher holds
 * the pages it fetched and sends them again, so no page is fetched twice and all are stored.
 * A broker of the suite's own (it is stopped), the four services as processes, real Postgres.
 */
describe('a broker outage during a poll', () => {
  let broker: TestBroker;
  let database: TempDatabase;
  let dataSource: DataSource;
  let folder: string;
  let services: Map<Stage, RunningService> | undefined;
  const runDir = resolve(REPO_ROOT, 'tmp/kafka-outage');

  beforeAll(async () => {
    broker = await startTestBroker(BROKER_PORT, { runDir });
    database = await createTempDatabase();
    folder = await mkdtemp(join(tmpdir(), 'newsflow-empty-'));
    const env = {
      ...process.env,
      KAFKA_BROKERS: broker.brokers,
      DATABASE_URL: database.url,
      FETCHER_FOLDERS: folder,
      FETCHER_POLL_MS: '200',
      FETCH_ALLOWED_NETWORKS: '127.0.0.0/8',
      FETCH_MIN_GAP_MS: '0',
      FETCH_MIN_POLL_MS: '1000',
      LOG_LEVEL: 'error',
    };
    services = await startStages(PORTS, env);
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (services) await stopStages(services);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
    await stopTestBroker(broker);
  });

  it('fetches no page twice and stores them all once the broker is back', async () => {
    const pages = newsPages();
    // Slow pages: the poll lasts about 10 s, long enough to lose the broker in the middle.
    const feed = await FeedServer.start(
      pages.map((page) => ({ path: `/news/${page.id}.html`, html: page.html, title: page.id })),
      { pageDelayMs: 250 },
    );
    try {
      const spec = sourceSpec(feed.feedUrl, 'feed', 'Outage');
      await new SourcesRepository(dataSource).add({ ...spec, origin: 'cli' });

      await waitFor('a third of the pages fetched', () =>
        feed.pageRequests().size >= pages.length / 3 ? true : undefined,
      );
      await stopTestBroker(broker);
      const downAt = Date.now();
      // The poll goes on without the broker: the pages it fetches are held, not dropped.
      await waitFor(
        'every page fetched while the broker is down',
        () => (feed.pageRequests().size === pages.length ? true : undefined),
        { timeoutMs: 60_000 },
      );
      await new Promise((r) => setTimeout(r, 5_000));
      broker = await startTestBroker(BROKER_PORT, { runDir, fresh: false });
      process.stdout.write(`e2e: broker down for ${Date.now() - downAt} ms mid-poll\n`);

      const rows = await waitFor(
        `all ${pages.length} pages stored`,
        async () => {
          const found = await dataSource.query<{ id: string }[]>(
            'SELECT id FROM articles WHERE source_id = $1',
            [spec.id],
          );
          return found.length >= pages.length ? found : undefined;
        },
        { timeoutMs: 300_000, intervalMs: 1_000 },
      );
      expect(rows).toHaveLength(pages.length);
      expect([...feed.pageRequests().values()]).toEqual(pages.map(() => 1));
      const remembered = await dataSource.query<{ n: string }[]>(
        'SELECT count(*) AS n FROM fetched_pages WHERE source_id = $1 AND refused IS NULL',
        [spec.id],
      );
      expect(Number(remembered[0]?.n)).toBe(pages.length);
    } finally {
      await feed.close();
    }
  });
});
