import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1, ArticlePage, ArticleStats, Story } from '@newsflow/contracts';
import { ArticlesRepository, connectMigrated } from '@newsflow/persistence';
import {
  createTempDatabase,
  enrichedArticle,
  germanEconomyArticle,
  startApi,
} from '@newsflow/testing';
import type { RunningProcess, TempDatabase } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { MAX_QUERY_CHARS, MAX_STATS_DAYS } from '../src/articles/article-query.dto';
import { MAX_RUNNING_QUERIES, RETRY_AFTER_SECONDS } from '../src/query-gate';
import {
  DOCS_CONTENT_SECURITY_POLICY,
  JSON_CONTENT_SECURITY_POLICY,
} from '../src/security-headers';

const PORT = 13300;

interface OpenApiDocument {
  paths: Record<string, { get: { responses: Record<string, OpenApiResponse> } }>;
  components: { schemas: Record<string, object> };
}

interface OpenApiResponse {
  content?: { 'application/json'?: { schema?: { $ref?: string } } };
}

interface OpenApiParameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

describe('read API', () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let repository: ArticlesRepository;
  let api: RunningProcess;

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = await connectMigrated(database.url);
    repository = new ArticlesRepository(dataSource);
    await repository.upsertMany([
      enrichedArticle('seed-1'),
      germanEconomyArticle('de-1'),
      germanEconomyArticle('de-2'),
    ]);
    api = await startApi(PORT, {
      ...process.env,
      DATABASE_URL: database.url,
      API_MAX_PAGE_SIZE: '50',
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await api?.stop('SIGTERM');
    await dataSource?.destroy();
    await database?.drop();
  });

  async function get<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`http://127.0.0.1:${PORT}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  const ids = (page: ArticlePage) => page.items.map((item) => item.id);

  it('lists articles in ingest order with their countries and topics', async () => {
    const { status, body } = await get<ArticlePage>('/articles');

    expect(status).toBe(200);
    expect(ids(body)).toEqual(['de-1', 'de-2', 'seed-1'].sort());
    const seed = body.items.find((item) => item.id === 'seed-1');
    expect(seed?.countries.map((c) => [c.code, c.focus])).toEqual([
      ['RU', true],
      ['QA', true],
      ['SY', false],
      ['PS', false],
    ]);
    // The enricher's confidence per country; the German ones came without (an older enricher).
    expect(seed?.countries.map((c) => c.confidence)).toEqual([0.99, 0.98, 0.93, 0.8]);
    expect(body.items.find((item) => item.id === 'de-1')?.countries).toEqual([
      { code: 'DE', focus: true, salience: 0.9, mentions: 2, confidence: null },
    ]);
    expect(seed?.topics.map((t) => [t.code, t.level])).toEqual([
      ['medtop:11000000', 1],
      ['medtop:16000000', 1],
    ]);
    expect(body.hasMore).toBe(false);
  });

  it.each([
    ['country=QA', ['seed-1']],
    ['country=SY', ['seed-1']],
    ['focusCountry=SY', []],
    ['focusCountry=DE', ['de-1', 'de-2']],
    ['topic=medtop:04000000', ['de-1', 'de-2']],
    ['language=en', ['seed-1']],
    ['source=feed-de', ['de-1', 'de-2']],
    ['publishedFrom=2025-10-01&publishedTo=2025-11-01', ['de-1', 'de-2']],
    ['publishedTo=2025-10-01', ['seed-1']],
    ['ingestedFrom=2000-01-01T00:00:00Z', ['de-1', 'de-2', 'seed-1']],
    ['ingestedTo=2000-01-01T00:00:00Z', []],
    ['q=Peskov', ['seed-1']],
    ['q=wirtschaft&language=de', ['de-1', 'de-2']],
    // The German dictionary stems "Wirtschaft" and "wächst" as the index did.
    ['q=w%C3%A4chst%20Wirtschaft&language=de', ['de-1', 'de-2']],
    ['q=talk', ['seed-1']],
    ['q=Peskov&country=DE', []],
    // seed-1's confidences: RU 0.99, QA 0.98, SY 0.93, PS 0.8; DE has none.
    ['country=QA&minConfidence=0.98', ['seed-1']],
    ['country=QA&minConfidence=0.981', []],
    ['country=PS&minConfidence=0.8', ['seed-1']],
    ['country=PS&minConfidence=0.81', []],
    ['country=SY&minConfidence=0', ['seed-1']],
    ['focusCountry=RU&minConfidence=0.99', ['seed-1']],
    ['focusCountry=RU&minConfidence=1', []],
    // Applies to the focus country only: SY passes 0.9 but is not a focus country.
    ['focusCountry=SY&minConfidence=0.9', []],
    ['country=SY&focusCountry=QA&minConfidence=0.95', []],
    ['country=SY&focusCountry=QA&minConfidence=0.93', ['seed-1']],
    // Rows stored without a confidence never pass a threshold, not even 0.
    ['country=DE&minConfidence=0', []],
    ['focusCountry=DE&minConfidence=0', []],
    // The example message's story, which all three carry.
    ['story=7e9030f28acf342c', ['de-1', 'de-2', 'seed-1']],
    ['story=another-story', []],
  ])('filters by %s', async (query, expected) => {
    const { status, body } = await get<ArticlePage>(`/articles?${query}`);

    expect(status).toBe(200);
    expect(ids(body).sort()).toEqual(expected);
  });

  it.each([
    ['country=qatar', 'country must be an ISO 3166-1 alpha-2 code such as QA'],
    ['topic=politics', 'topic must be an IPTC Media Topics code such as medtop:16000000'],
    ['limit=0', 'limit must be at least 1'],
    ['limit=51', 'limit must not be greater than 50'],
    ['limit=ten', 'limit must be a whole number'],
    ['cursor=abc', 'cursor must be the nextCursor of an earlier page'],
    [
      'publishedFrom=yesterday',
      'publishedFrom must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999',
    ],
    ['contry=QA', 'property contry should not exist'],
    ['story=a%20b', 'story must be a story id (an article id, at most 128 characters)'],
    ['country=QA&minConfidence=-0.01', 'minConfidence must be at least 0'],
    ['country=QA&minConfidence=1.01', 'minConfidence must be at most 1'],
    ['country=QA&minConfidence=abc', 'minConfidence must be a number from 0 to 1, such as 0.8'],
    [
      'minConfidence=0.5',
      'minConfidence needs country or focusCountry: it is the least confidence in that country',
    ],
  ])('refuses %s with a 400 that says why', async (query, reason) => {
    const { status, body } = await get<{ message: string[] }>(`/articles?${query}`);

    expect(status).toBe(400);
    expect(body.message).toContain(reason);
  });

  it('pages with the cursor without a gap or a repeat while articles are being written', async () => {
    const written: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let batch = 0; batch < 20; batch += 1) {
        const next = [0, 1, 2].map((k) => enrichedArticle(`paged-${batch}-${k}`));
        await repository.upsertMany(next);
        written.push(...next.map((a) => a.id));
      }
      writing = false;
    })();
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const done = !writing;
      const { body } = await get<ArticlePage>(`/articles?limit=4${cursor}`);
      seen.push(...ids(body));
      if (body.nextCursor !== null) cursor = `&cursor=${body.nextCursor}`;
      if (body.items.length === 0 && done) break;
    }
    await writer;

    const paged = seen.filter((id) => id.startsWith('paged-'));
    expect(paged).toHaveLength(written.length);
    expect([...paged].sort()).toEqual([...written].sort());
  });

  it('gives one article with its tags, entities and every revision', async () => {
    await repository.upsertMany([
      enrichedArticle('seed-1', { title: 'Talks end in Doha', contentHash: 'seed-1-v2' }),
    ]);

    const { status, body } = await get<{
      article: ArticleEnrichedV1;
      stored: { revision: number };
      revisions: { revision: number; title: string }[];
    }>('/articles/seed-1');

    expect(status).toBe(200);
    expect(body.article.title).toBe('Talks end in Doha');
    expect(body.article.entities.map((e) => e.name)).toContain('Dmitry Peskov');
    expect(body.article.countries.map((c) => [c.code, c.confidence])).toEqual([
      ['RU', 0.99],
      ['QA', 0.98],
      ['SY', 0.93],
      ['PS', 0.8],
    ]);
    expect(body.stored.revision).toBe(2);
    expect(body.revisions.map((r) => [r.revision, r.title])).toEqual([
      [1, exampleArticleEnriched.title],
      [2, 'Talks end in Doha'],
    ]);
    expect((await get('/articles/no-such-article')).status).toBe(404);
  });

  it('counts articles per country, focus country, topic, source and day', async () => {
    const { status, body } = await get<ArticleStats>('/stats?language=de');

    expect(status).toBe(200);
    expect(body).toMatchObject({
      articles: 2,
      byCountry: [{ code: 'DE', articles: 2 }],
      byFocusCountry: [{ code: 'DE', articles: 2 }],
      byTopic: [{ code: 'medtop:04000000', label: 'economy, business and finance', articles: 2 }],
      bySource: [{ id: 'feed-de', name: 'Zeitung', articles: 2 }],
    });
    expect(body.byDay).toEqual([{ day: new Date().toISOString().slice(0, 10), articles: 2 }]);
    expect((await get('/stats?days=0')).status).toBe(400);
  });

  it('counts only the articles whose country passes minConfidence', async () => {
    // By now every article about Qatar is a copy of the seed, QA at confidence 0.98.
    const all = await get<ArticleStats>('/stats?country=QA');
    const sure = await get<ArticleStats>('/stats?country=QA&minConfidence=0.98');
    const unsure = await get<ArticleStats>('/stats?country=QA&minConfidence=0.981');

    expect(all.body.articles).toBeGreaterThan(0);
    expect(sure.status).toBe(200);
    expect(sure.body).toEqual(all.body);
    expect(unsure.body).toMatchObject({ articles: 0, byCountry: [], byFocusCountry: [] });
    expect((await get('/stats?focusCountry=DE&minConfidence=0')).body).toMatchObject({
      articles: 0,
    });
    expect((await get('/stats?country=QA&minConfidence=1.01')).status).toBe(400);
  });

  describe('hostile parameters', () => {
    const DATE_REASON =
      'must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999';

    it.each([
      ['/stats?days=2147483647', `days must be at most ${MAX_STATS_DAYS}`],
      [`/stats?days=${MAX_STATS_DAYS + 1}`, `days must be at most ${MAX_STATS_DAYS}`],
      ['/stats?days=1e308', 'days must be a whole number'],
      ['/articles?limit=1e308', 'limit must be a whole number'],
      ['/articles?limit=99999999999999999999', 'limit must not be greater than 50'],
      ['/articles?limit=-1', 'limit must be at least 1'],
      ['/articles?publishedFrom=2024-W05-3', `publishedFrom ${DATE_REASON}`],
      ['/articles?publishedTo=2024-035', `publishedTo ${DATE_REASON}`],
      ['/stats?ingestedFrom=2024-W05', `ingestedFrom ${DATE_REASON}`],
      ['/articles?q=gaza%00strip', 'q must not contain control characters such as NUL'],
      ['/stats?source=feed%00', 'source must not contain control characters such as NUL'],
      ['/articles?cursor=1%20OR%201%3D1', 'cursor must be the nextCursor of an earlier page'],
    ])('refuses %s with a 400 that says why', async (path, reason) => {
      const { status, body } = await get<{ message: string[] }>(path);

      expect(status).toBe(400);
      expect(body.message).toContain(reason);
    });

    it(`answers a q of ${MAX_QUERY_CHARS} characters and refuses one longer`, async () => {
      const terms = Array.from({ length: MAX_QUERY_CHARS / 2 }, (_, i) =>
        String.fromCharCode(97 + (i % 26)),
      );
      const longest = terms.join(' ').padEnd(MAX_QUERY_CHARS, 'x');

      expect((await get(`/articles?q=${encodeURIComponent(longest)}`)).status).toBe(200);
      const over = await get<{ message: string[] }>(
        `/articles?q=${encodeURIComponent(`${longest}x`)}`,
      );
      expect(over).toEqual({
        status: 400,
        body: expect.objectContaining({
          message: [`q must be at most ${MAX_QUERY_CHARS} characters`],
        }),
      });
    });

    it('answers a forged cursor and the widest date range', async () => {
      const forged = await get<ArticlePage>('/articles?cursor=999999999999999999');
      const wide = await get<ArticleStats>(
        `/stats?publishedFrom=0001-01-01&publishedTo=9999-12-31T23:59:59Z&days=${MAX_STATS_DAYS}`,
      );

      expect(forged).toEqual({
        status: 200,
        body: { items: [], nextCursor: '999999999999999999', hasMore: false },
      });
      expect(wide.status).toBe(200);
      expect(wide.body.articles).toBeGreaterThan(0);
    });

    it('refuses a q of 10,000 terms before it is read: Node caps the request head at 16 KiB', async () => {
      const q = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ');
      const response = await fetch(`http://127.0.0.1:${PORT}/articles?q=${encodeURIComponent(q)}`);

      expect(response.status).toBe(431);
    });

    it('binds SQL metacharacters in every parameter as plain values', async () => {
      const sql = "x' OR '1'='1'; DROP TABLE articles; --";
      const names = [
        'country',
        'focusCountry',
        'minConfidence',
        'topic',
        'language',
        'source',
        'q',
        'cursor',
        'publishedFrom',
        'publishedTo',
        'ingestedFrom',
        'ingestedTo',
        'limit',
      ];
      for (const name of names) {
        const { status } = await get(`/articles?${name}=${encodeURIComponent(sql)}`);
        expect([name, status]).toEqual([name, name === 'source' || name === 'q' ? 200 : 400]);
      }
      expect((await get(`/stats?days=${encodeURIComponent(sql)}`)).status).toBe(400);
      expect((await get(`/articles/${encodeURIComponent(sql)}`)).status).toBe(400);
      // The table is still there, with its rows.
      expect((await get<ArticlePage>('/articles?limit=1')).body.items).toHaveLength(1);
    });

    it('logged nothing at error level for any of them', () => {
      const errors = api
        .output()
        .split('\n')
        .filter((line) => line.includes('"level":"error"'));

      expect(errors).toEqual([]);
    });
  });

  it('sends the standard security headers and no X-Powered-By', async () => {
    for (const path of ['/articles', '/articles?limit=0', '/docs-json', '/health/ready']) {
      const { headers } = await fetch(`http://127.0.0.1:${PORT}${path}`);
      expect([path, headers.get('x-powered-by')]).toEqual([path, null]);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(headers.get('content-security-policy')).toBe(JSON_CONTENT_SECURITY_POLICY);
    }
    const docs = await fetch(`http://127.0.0.1:${PORT}/docs`);
    expect(docs.headers.get('content-security-policy')).toBe(DOCS_CONTENT_SECURITY_POLICY);
  });

  it(`runs ${MAX_RUNNING_QUERIES} queries at once, answers 503 with Retry-After past its queue, and stays ready`, async () => {
    const ready: number[] = [];
    let loading = true;
    const poller = (async () => {
      while (loading) {
        ready.push((await fetch(`http://127.0.0.1:${PORT}/health/ready`)).status);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const response = await fetch(`http://127.0.0.1:${PORT}/stats?q=talks`);
        await response.arrayBuffer();
        return { status: response.status, retryAfter: response.headers.get('retry-after') };
      }),
    );
    loading = false;
    await poller;

    const refused = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(
      MAX_RUNNING_QUERIES,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + answers.filter((a) => a.status === 200).length).toBe(200);
    expect(new Set(refused.map((a) => a.retryAfter))).toEqual(
      new Set([String(RETRY_AFTER_SECONDS)]),
    );
    expect(ready.length).toBeGreaterThan(0);
    expect(new Set(ready)).toEqual(new Set([200]));
  });

  it('serves its OpenAPI document at /docs, and no route that writes', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, object> }>(
      '/docs-json',
    );

    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths).sort()).toEqual([
      '/articles',
      '/articles/{id}',
      '/stats',
      '/stories/{id}',
    ]);
    for (const methods of Object.values(body.paths)) expect(Object.keys(methods)).toEqual(['get']);
    // minConfidence is documented on both routes that take the filters, as a number in 0..1.
    for (const path of ['/articles', '/stats']) {
      const { parameters } = (body.paths[path] as { get: { parameters: OpenApiParameter[] } }).get;
      expect(parameters.find((p) => p.name === 'minConfidence')).toMatchObject({
        in: 'query',
        required: false,
        schema: { type: 'number', minimum: 0, maximum: 1 },
        description: expect.stringContaining('country or focusCountry'),
      });
      expect(parameters.find((p) => p.name === 'story')).toMatchObject({
        in: 'query',
        required: false,
        description: expect.stringContaining('Story id'),
      });
    }
    const html = await fetch(`http://127.0.0.1:${PORT}/docs`);
    expect(html.status).toBe(200);
    const post = await fetch(`http://127.0.0.1:${PORT}/articles`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('lists a story with its copies and sources; 404 for an unknown story, 400 for a bad id', async () => {
    await repository.upsertMany([
      enrichedArticle('wire-1', { storyId: 'wire-1', storySimilarity: 1 }),
      enrichedArticle('wire-2', {
        storyId: 'wire-1',
        storySimilarity: 0.7,
        source: { id: 'feed-b', kind: 'feed', name: 'B' },
      }),
    ]);

    const { status, body } = await get<Story>('/stories/wire-1');

    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'wire-1', copies: 2, sources: 2 });
    expect(body.articles.map((a) => [a.id, a.similarity])).toEqual([
      ['wire-1', 1],
      ['wire-2', 0.7],
    ]);
    expect((await get('/stories/unknown-story')).status).toBe(404);
    expect((await get('/stories/a%20b')).status).toBe(400);
    const stats = await get<ArticleStats>('/stats?story=wire-1');
    expect([stats.body.articles, stats.body.stories]).toEqual([2, 1]);
  });

  it("documents each route's answer with a read-model schema, and answers what it documents", async () => {
    const { body: document } = await get<OpenApiDocument>('/docs-json');
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const routes = [
      ['/articles', '/articles?limit=2', 'ArticlePage'],
      ['/articles/{id}', '/articles/seed-1', 'ArticleWithHistory'],
      ['/stats', '/stats', 'ArticleStats'],
      ['/stories/{id}', '/stories/7e9030f28acf342c', 'Story'],
    ] as const;

    for (const [path, asked, name] of routes) {
      const json = document.paths[path]?.get.responses['200']?.content?.['application/json'];
      expect([path, json?.schema]).toEqual([path, { $ref: `#/components/schemas/${name}` }]);
      const schema = document.components.schemas[name];
      if (schema === undefined) throw new Error(`no schema ${name} in the document`);
      const check = ajv.compile(schema);
      const { status, body } = await get<unknown>(asked);
      expect([asked, status, check(body), check.errors ?? []]).toEqual([asked, 200, true, []]);
    }
  });
});
