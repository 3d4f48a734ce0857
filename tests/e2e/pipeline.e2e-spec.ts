import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { ArticlesReader, SourcesRepository, createDataSource } from '@newsflow/persistence';
import { articleIdFromContent, articleIdFromUrl, sourceSpec } from '@newsflow/sources';
import {
  REPO_ROOT,
  createTempDatabase,
  newsPages,
  startApi,
  startService,
  startGroupsAtTheEnd,
  stagePorts,
  startStages,
  stopStages,
  waitFor,
} from '@newsflow/testing';
import type { RunningProcess, RunningService, Stage, TempDatabase } from '@newsflow/testing';
import type { DataSource } from 'typeorm';

const SEED_DIR = resolve(REPO_ROOT, 'tests/fixtures/seed');
const SEED = join(SEED_DIR, '000_7e9030f28acf342c.txt');
const API_PORT = 13000;
const PORTS = stagePorts(13001);

interface Expected {
  exact: Record<'title' | 'lead' | 'publishedAt' | 'updatedAt' | 'language' | 'siteName', string>;
  paragraphs_in_order_each_once: string[];
  body_must_not_contain: string[];
  images: { caption: string; credit: string }[];
  set: { countries: string[] };
  contains: { people: string[]; places: string[]; topics_iptc_top_level: string[] };
}

/**
 * The four services as separate OS processes over the real broker and a fresh Postgres
 * database: a saved page dropped into a folder must come out as one row.
 */
describe('pipeline end to end', () => {
  let database: TempDatabase;
  let inbox: string;
  let env: NodeJS.ProcessEnv;
  let dataSource: DataSource;
  let articles: ArticlesReader;
  let services = new Map<Stage, RunningService>();
  let api: RunningProcess | undefined;

  beforeAll(async () => {
    database = await createTempDatabase();
    inbox = await mkdtemp(join(tmpdir(), 'newsflow-inbox-'));
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      FETCHER_FOLDERS: inbox,
      FETCHER_POLL_MS: '100',
      // The feed test serves its feed on loopback, which the fetcher refuses by default.
      FETCH_ALLOWED_NETWORKS: '127.0.0.0/8',
      FETCH_MIN_GAP_MS: '0',
      // Its own groups: earlier suites left messages of their own in the shared topics.
      KAFKA_GROUP_PREFIX: `e2e-${database.name}`,
      LOG_LEVEL: 'warn',
    };
    const kafka = createKafka(
      { brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'e2e-setup' },
      jsonLogger('e2e', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    await startGroupsAtTheEnd(kafka, `e2e-${database.name}`);
    services = await startStages(PORTS, env);
    api = await startApi(API_PORT, env);
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    articles = new ArticlesReader(dataSource);
  });

  afterAll(async () => {
    await api?.stop('SIGTERM');
    await stopStages(services);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await rm(inbox, { recursive: true, force: true });
    await database.drop();
  });

  async function storedAt(id: string): Promise<Date | undefined> {
    const rows = await dataSource.query<{ last_stored_at: Date }[]>(
      'SELECT last_stored_at FROM articles WHERE id = $1',
      [id],
    );
    return rows[0]?.last_stored_at;
  }

  it('turns the seed page dropped into the folder into one row that matches expected.json', async () => {
    const expected = JSON.parse(
      await readFile(join(SEED_DIR, 'expected.json'), 'utf8'),
    ) as Expected;
    const id = articleIdFromContent(await readFile(SEED, 'utf8'));
    const dropped = Date.now();
    await copyFile(SEED, join(inbox, 'seed.txt'));

    await waitFor('the seed row', () => storedAt(id), { timeoutMs: 60_000, intervalMs: 50 });
    const latencyMs = Date.now() - dropped;
    process.stdout.write(`e2e: seed file dropped -> row committed in ${latencyMs} ms\n`);

    const article = (await articles.findById(id)) as ArticleEnrichedV1;
    for (const [field, value] of Object.entries(expected.exact)) {
      const actual = article[field as keyof Expected['exact']];
      expect({ field, value: actual?.trim() }).toEqual({ field, value });
    }
    expect(article.paragraphs).toEqual(expected.paragraphs_in_order_each_once);
    for (const fragment of expected.body_must_not_contain)
      expect(article.bodyText).not.toContain(fragment);
    expect(article.images.map(({ caption, credit }) => ({ caption, credit }))).toEqual(
      expected.images,
    );
    expect(article.countries.map((c) => c.code).sort()).toEqual([...expected.set.countries].sort());
    const names = (kind: string) =>
      article.entities.filter((e) => e.kind === kind).map((e) => e.name);
    expect(names('person')).toEqual(expect.arrayContaining(expected.contains.people));
    expect(names('place')).toEqual(expect.arrayContaining(expected.contains.places));
    expect(article.topics.map((t) => t.code)).toEqual(
      expect.arrayContaining(expected.contains.topics_iptc_top_level),
    );

    // And a reader finds it through the read API, by country.
    const response = await fetch(`http://127.0.0.1:${API_PORT}/articles?country=QA&q=Peskov`);
    const page = (await response.json()) as { items: { id: string; title: string }[] };
    expect(response.status).toBe(200);
    expect(page.items.map((item) => [item.id, item.title])).toEqual([[id, article.title]]);
  });

  it('stores the same page dropped again as the same single row', async () => {
    const id = articleIdFromContent(await readFile(SEED, 'utf8'));
    const first = await storedAt(id);
    await copyFile(SEED, join(inbox, 'seed-again.txt'));
    // last_stored_at moves when the second copy has gone all the way through.
    await waitFor('the second copy to be stored', async () => {
      const at = await storedAt(id);
      return at && first && at > first ? at : undefined;
    });
    // Only this suite's folder: the topics hold earlier suites' messages too.
    const rows = await dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM articles WHERE source_id = $1',
      [`folder:${basename(inbox)}`],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('ingests a feed served on loopback: the source added in Postgres, its article stored', async () => {
    const story = `<html lang="en"><head><title>Qatar hosts new round of talks | Gulf Desk</title>
      <meta property="og:title" content="Qatar hosts new round of talks">
      <meta name="author" content="Amina Haddad"></head>
      <body><nav><a href="/">Home</a></nav><article><h1>Qatar hosts new round of talks</h1>
      <p>Negotiators arrived in Doha on Monday for a new round of talks hosted by Qatar, the
      foreign ministry said, after weeks of shuttle diplomacy between the two delegations.</p>
      <p>Officials in Doha said the talks would focus on prisoner exchanges and on aid, and that
      the Qatari mediators expected the round to last several days.</p></article></body></html>`;
    const web = createServer((request, response) => {
      const base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
      if (request.url === '/feed.xml') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Gulf Desk</title>
            <item><title>Qatar hosts new round of talks</title><link>${base}/talks?utm_source=rss</link>
            <pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate></item></channel></rss>`,
        );
      } else if (request.url === '/talks') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(story);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    try {
      const feed = sourceSpec(`${base}/feed.xml`, 'feed', 'Gulf Desk');
      await new SourcesRepository(dataSource).add({ ...feed, origin: 'cli' });
      const id = articleIdFromUrl(`${base}/talks`);

      await waitFor('the feed article row', () => storedAt(id), { timeoutMs: 60_000 });

      const article = (await articles.findById(id)) as ArticleEnrichedV1;
      expect(article).toMatchObject({
        url: `${base}/talks`,
        source: { id: feed.id, kind: 'feed', name: 'Gulf Desk' },
        title: 'Qatar hosts new round of talks',
        authors: ['Amina Haddad'],
        // The page has no date of its own: this is the feed item's.
        publishedAt: '2025-11-17T08:00:00.000Z',
        language: 'en',
      });
      expect(article.countries.map((country) => country.code)).toEqual(['QA']);
      expect(await new SourcesRepository(dataSource).find(feed.id)).toMatchObject({
        lastOutcome: 'ok',
        itemsPublished: 1,
      });
    } finally {
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it('gives a real page and its syndicated copy one storyId, and another page on the same region another', async () => {
    const pages = newsPages();
    // polygraph.info on US forces at al-Tanf (Syria); albawaba.com on Israeli settlements.
    const original = pages.find((p) => p.url.includes('polygraph.info'))?.html ?? '';
    const other = pages.find((p) => p.url.includes('albawaba.com'))?.html ?? '';
    // Republished elsewhere: no canonical link to the original, another headline, house style.
    const copy = original
      .replace(/rel=["']canonical["']/gi, 'rel="alternate"')
      .replace(/property=["']og:url["']/gi, 'property="og:see_also"')
      .replace(/<title>[^<]*<\/title>/i, '<title>Wire: US troops stay at Syrian base</title>')
      .replace(/ and /g, ' & ');
    const before = new Set(
      (await dataSource.query<{ id: string }[]>('SELECT id FROM articles')).map((r) => r.id),
    );
    await writeFile(join(inbox, 'story-original.html'), original);
    await writeFile(join(inbox, 'story-copy.html'), copy);
    await writeFile(join(inbox, 'story-other.html'), other);

    const rows = await waitFor(
      'the three pages stored',
      async () => {
        const all = await dataSource.query<
          {
            id: string;
            body_text: string;
            story_id: string | null;
            story_similarity: number | null;
          }[]
        >('SELECT id, body_text, story_id, story_similarity FROM articles');
        const fresh = all.filter((row) => !before.has(row.id));
        return fresh.length === 3 ? fresh : undefined;
      },
      { timeoutMs: 60_000 },
    );
    const ands = (text: string) => text.split(' and ').length;
    const otherRow = rows.find((row) => /settlement/i.test(row.body_text));
    const [copyRow, originalRow] = rows
      .filter((row) => row !== otherRow)
      .sort((a, b) => ands(a.body_text) - ands(b.body_text));

    expect(copyRow?.story_id).toBeDefined();
    expect(copyRow?.story_id).toBe(originalRow?.story_id);
    expect([originalRow?.id, copyRow?.id]).toContain(copyRow?.story_id);
    expect(otherRow?.story_id).toBe(otherRow?.id);
    expect(
      Math.min(copyRow?.story_similarity ?? 0, originalRow?.story_similarity ?? 0),
    ).toBeGreaterThan(0.3);

    // The read API: the story's copies, the filter, and the count beside the articles.
    const story = (await (
      await fetch(`http://127.0.0.1:${API_PORT}/stories/${copyRow?.story_id}`)
    ).json()) as { copies: number; articles: { id: string }[] };
    expect(story.copies).toBe(2);
    expect(story.articles.map((a) => a.id).sort()).toEqual([originalRow?.id, copyRow?.id].sort());
    const page = (await (
      await fetch(`http://127.0.0.1:${API_PORT}/articles?story=${otherRow?.story_id}`)
    ).json()) as { items: { id: string; storyId: string }[] };
    expect(page.items.map((item) => [item.id, item.storyId])).toEqual([
      [otherRow?.id, otherRow?.id],
    ]);
  });

  it('loses nothing when a stage is stopped with SIGTERM mid-stream and started again', async () => {
    const seed = await readFile(SEED, 'utf8');
    const pages = Array.from(
      { length: 25 },
      (_, i) => `${seed}\nUpdate ${i + 1}: Peskov said more talks were planned in Doha.\n`,
    );
    const ids = pages.map(articleIdFromContent);
    await Promise.all(pages.map((page, i) => writeFile(join(inbox, `update-${i}.txt`), page)));

    // As soon as the first of them is stored, stop the enricher in the middle of the stream.
    await waitFor('the first update', async () => {
      const rows = await dataSource.query<{ n: string }[]>(
        'SELECT count(*) AS n FROM articles WHERE id = ANY($1)',
        [ids],
      );
      return Number(rows[0]?.n) > 0 ? true : undefined;
    });
    const enricher = services.get('enricher');
    const exit = await enricher?.stop('SIGTERM');
    // Nest re-raises SIGTERM after its shutdown hooks ran: a clean stop, not a kill.
    expect(exit?.signal === 'SIGTERM' || exit?.code === 0).toBe(true);
    services.set('enricher', await startService('enricher', PORTS.enricher, env));

    const stored = await waitFor(
      'all 25 updates',
      async () => {
        const rows = await dataSource.query<{ id: string }[]>(
          'SELECT id FROM articles WHERE id = ANY($1)',
          [ids],
        );
        return rows.length === ids.length ? rows.map((r) => r.id) : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 200 },
    );
    expect(stored.sort()).toEqual([...ids].sort());
  });
});
