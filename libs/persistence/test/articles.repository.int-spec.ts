import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { DependencyUnavailableError } from '@newsflow/runtime';
import { QueryFailedError } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ArticlesReader } from '../src/articles.reader';
import { ArticlesRepository } from '../src/articles.repository';
import { createDataSource, runMigrations } from '../src/data-source';
import { TcpProxy, createTempDatabase } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';

/**
 * The example message under another id: every test works on ids of its own. Copied through JSON
 * rather than structuredClone, whose objects come from outside jest's sandbox and so never pass
 * toStrictEqual's type check against the sandbox's own objects.
 */
function article(id: string, overrides: Partial<ArticleEnrichedV1> = {}): ArticleEnrichedV1 {
  const copy = JSON.parse(JSON.stringify(exampleArticleEnriched)) as ArticleEnrichedV1;
  return { ...copy, id, ...overrides };
}

/** A second version of an article: new text, new tags. */
function revised(id: string): ArticleEnrichedV1 {
  return article(id, {
    title: 'Revised title',
    updatedAt: '2025-04-18T09:00:00.000Z',
    contentHash: 'f'.repeat(64),
    countries: [
      { code: 'QA', mentions: 6, salience: 0.9, evidence: ['Qatar', 'Doha'], focus: true },
      { code: 'EG', mentions: 1, salience: 0.2, evidence: ['Cairo'], focus: false },
    ],
    topics: [{ code: 'medtop:04000000', label: 'economy, business and finance', score: 0.7 }],
    entities: [{ kind: 'place', name: 'Doha', surfaceForms: ['Doha'], mentions: 2 }],
    enricherVersion: '0.2.0',
  });
}

function codeOf(error: unknown): unknown {
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  return code ?? cause?.code;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(ArticlesRepository.name, () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let repository: ArticlesRepository;
  /** Reads back what the repository wrote. */
  let reader: ArticlesReader;
  const storedInfo = async (id: string) => (await reader.findWithHistory(id))?.stored ?? null;
  const revisionsOf = async (id: string) => (await reader.findWithHistory(id))?.revisions ?? [];

  /** Rows per table for one article id, straight from SQL rather than through the repository. */
  async function rowCounts(id: string): Promise<Record<string, number>> {
    const [row] = await dataSource.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM articles WHERE id = $1) AS articles,
              (SELECT count(*) FROM article_countries WHERE article_id = $1) AS countries,
              (SELECT count(*) FROM article_topics WHERE article_id = $1) AS topics,
              (SELECT count(*) FROM article_entities WHERE article_id = $1) AS entities`,
      [id],
    );
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
  }

  function countsOf(a: ArticleEnrichedV1): Record<string, number> {
    return {
      articles: 1,
      countries: a.countries.length,
      topics: a.topics.length,
      entities: a.entities.length,
    };
  }

  /** Store times in microseconds: a JS Date would round them to milliseconds. */
  async function storedTimes(id: string): Promise<{ first: number; last: number }> {
    const [row] = await dataSource.query<{ first: string; last: string }[]>(
      `SELECT (extract(epoch FROM first_stored_at) * 1e6)::bigint AS first,
              (extract(epoch FROM last_stored_at) * 1e6)::bigint AS last
       FROM articles WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`no article ${id}`);
    return { first: Number(row.first), last: Number(row.last) };
  }

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    repository = new ArticlesRepository(dataSource);
    reader = new ArticlesReader(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reads back the article it stored, field for field', async () => {
    const stored = article('round-trip');

    expect(await repository.upsertMany([stored])).toEqual({ written: 1, revised: 1 });

    expect(await reader.findById('round-trip')).toStrictEqual(stored);
  });

  it('keeps nulls as nulls and filled-in optional fields as they came', async () => {
    const sparse = article('sparse', {
      lead: null,
      publishedAt: null,
      updatedAt: null,
      language: null,
      siteName: null,
      countries: [],
      topics: [],
      entities: [],
    });
    const full = article('full', {
      url: 'https://example.com/news/1',
      canonicalUrl: 'https://example.com/news/1?amp=0',
      authors: ['Jane Doe', 'John Roe'],
      section: 'World',
      keywords: ['Qatar', 'Russia'],
      images: [{ url: 'https://example.com/a.jpg', caption: null, credit: null }],
      paragraphs: ['One "quoted" line.', 'Émigré, naïve, 東京 and \\backslashes\\.'],
    });

    await repository.upsertMany([sparse, full]);

    expect(await reader.findById('sparse')).toStrictEqual(sparse);
    expect(await reader.findById('full')).toStrictEqual(full);
  });

  it("writes each country's confidence to its column and reads it back, null where none came", async () => {
    const [ru, qa, sy, ps] = exampleArticleEnriched.countries;
    if (!ru || !qa || !sy || !ps) throw new Error('the example has four countries');
    const { confidence: _dropped, ...olderPs } = ps;
    // The bounds themselves, a fraction that a real would have rounded, and one from an
    // enricher before confidence existed.
    const stored = article('confidence', {
      countries: [
        { ...ru, confidence: 1 },
        { ...qa, confidence: 0.93 },
        { ...sy, confidence: 0 },
        olderPs,
      ],
    });

    await repository.upsertMany([stored]);

    const rows = await dataSource.query<{ code: string; confidence: number | null }[]>(
      `SELECT code, confidence FROM article_countries WHERE article_id = $1 ORDER BY position`,
      ['confidence'],
    );
    expect(rows).toEqual([
      { code: 'RU', confidence: 1 },
      { code: 'QA', confidence: 0.93 },
      { code: 'SY', confidence: 0 },
      { code: 'PS', confidence: null },
    ]);
    const found = await reader.findById('confidence');
    expect(found).toStrictEqual(stored);
    expect(found?.countries.find((c) => c.code === 'PS')).not.toHaveProperty('confidence');
  });

  it('refuses a confidence outside 0..1 (CHK_article_countries_confidence) and writes nothing', async () => {
    const [ru] = exampleArticleEnriched.countries;
    if (!ru) throw new Error('the example has countries');

    for (const confidence of [1.01, -0.01]) {
      const failure = repository.upsertMany([
        article('confidence-out-of-range', { countries: [{ ...ru, confidence }] }),
      ]);

      await expect(failure).rejects.toMatchObject({
        code: '23514',
        constraint: 'CHK_article_countries_confidence',
      });
    }
    expect(await rowCounts('confidence-out-of-range')).toEqual(NO_ROWS);
  });

  it('returns timestamps in UTC with milliseconds whatever offset they came with', async () => {
    await repository.upsertMany([
      article('offset', { publishedAt: '2025-04-17T17:34:00+03:00', updatedAt: null }),
    ]);

    const found = await reader.findById('offset');

    expect(found?.publishedAt).toBe('2025-04-17T14:34:00.000Z');
  });

  it('returns countries by salience, highest first, whatever order they were stored in', async () => {
    const stored = article('countries-order');
    stored.countries.reverse();

    await repository.upsertMany([stored]);
    const found = await reader.findById('countries-order');

    expect(found?.countries.map((c) => c.code)).toEqual(['RU', 'QA', 'SY', 'PS']);
  });

  it('returns null for an id it never stored', async () => {
    expect(await reader.findById('never-stored')).toBeNull();
  });

  it('writes nothing for an empty batch', async () => {
    const before = await reader.count();

    expect(await repository.upsertMany([])).toEqual({ written: 0, revised: 0 });
    expect(await reader.count()).toBe(before);
  });

  it('holds an article stored twice once, with one set of tags', async () => {
    const batch = [article('twice-a'), article('twice-b')];
    const before = await reader.count();

    await repository.upsertMany(batch);
    await repository.upsertMany(batch);

    expect(await reader.count()).toBe(before + 2);
    expect(await rowCounts('twice-a')).toEqual(countsOf(exampleArticleEnriched));
    expect(await reader.findById('twice-a')).toStrictEqual(batch[0]);
  });

  it('replaces the countries, topics and entities when a new version arrives', async () => {
    await repository.upsertMany([article('versioned')]);
    const next = revised('versioned');

    await repository.upsertMany([next]);

    expect(await reader.findById('versioned')).toStrictEqual(next);
    expect(await rowCounts('versioned')).toEqual(countsOf(next));
  });

  it('keeps first_stored_at and moves last_stored_at when an article is stored again', async () => {
    await repository.upsertMany([article('store-times')]);
    const first = await storedTimes('store-times');

    await repository.upsertMany([revised('store-times')]);
    const second = await storedTimes('store-times');

    expect(first.last).toBe(first.first);
    expect(second.first).toBe(first.first);
    expect(second.last).toBeGreaterThan(first.last);
  });

  it('holds the same article stored twice as one row and one revision, in its first place', async () => {
    await repository.upsertMany([article('same-twice')]);
    const first = await storedInfo('same-twice');

    expect(await repository.upsertMany([article('same-twice')])).toEqual({
      written: 1,
      revised: 0,
    });

    expect(await rowCounts('same-twice')).toEqual(countsOf(exampleArticleEnriched));
    expect((await revisionsOf('same-twice')).map((r) => r.revision)).toEqual([1]);
    expect(await storedInfo('same-twice')).toMatchObject({
      revision: 1,
      ingestSeq: first?.ingestSeq,
    });
  });

  it('keeps the old content as a revision when the content changes, and moves the article to the end', async () => {
    await repository.upsertMany([article('changing')]);
    const before = await storedInfo('changing');
    await repository.upsertMany([article('someone-else')]);

    await repository.upsertMany([revised('changing')]);

    const revisions = await revisionsOf('changing');
    expect(revisions.map((r) => [r.revision, r.title])).toEqual([
      [1, exampleArticleEnriched.title],
      [2, 'Revised title'],
    ]);
    expect(revisions[0]?.paragraphs).toEqual(exampleArticleEnriched.paragraphs);
    const after = await storedInfo('changing');
    const other = await storedInfo('someone-else');
    expect(after?.revision).toBe(2);
    expect(BigInt(after?.ingestSeq ?? 0)).toBeGreaterThan(BigInt(other?.ingestSeq ?? 0));
    expect(BigInt(other?.ingestSeq ?? 0)).toBeGreaterThan(BigInt(before?.ingestSeq ?? 0));
    expect(await rowCounts('changing')).toEqual(countsOf(revised('changing')));
  });

  it('lets a reader paging by ingest_seq see every row once while writers commit concurrently', async () => {
    const writers = 4;
    const batches = 15;
    const ids = (w: number, b: number) => [0, 1, 2].map((k) => `cursor-${w}-${b}-${k}`);
    const seen: string[] = [];
    let cursor =
      (
        await dataSource.query<{ max: string | null }[]>(
          'SELECT max(ingest_seq)::text AS max FROM articles',
        )
      )[0]?.max ?? '0';
    let writing = true;
    const reader = (async () => {
      // Page as an API client would, until the writers are done and a last page is empty.
      for (;;) {
        const done = !writing;
        const page = await dataSource.query<{ id: string; ingest_seq: string }[]>(
          'SELECT id, ingest_seq::text FROM articles WHERE ingest_seq > $1 ORDER BY ingest_seq LIMIT 7',
          [cursor],
        );
        for (const row of page) seen.push(row.id);
        if (page.length > 0) cursor = page[page.length - 1]?.ingest_seq ?? cursor;
        else if (done) return;
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let b = 0; b < batches; b += 1) {
          await repository.upsertMany(ids(w, b).map((id) => article(id)));
        }
      }),
    );
    writing = false;
    await reader;

    const expected = Array.from({ length: writers }, (_, w) =>
      Array.from({ length: batches }, (__, b) => ids(w, b)).flat(),
    ).flat();
    expect(seen.filter((id) => id.startsWith('cursor-')).sort()).toEqual(expected.sort());
  });

  it('keeps the later of two versions of one id in a batch', async () => {
    const [older, newer] = [article('dup-in-batch'), revised('dup-in-batch')];

    expect(await repository.upsertMany([newer, older])).toEqual({ written: 1, revised: 1 });
    expect(await reader.findById('dup-in-batch')).toStrictEqual(older);

    expect(await repository.upsertMany([older, newer])).toEqual({ written: 1, revised: 1 });
    expect(await reader.findById('dup-in-batch')).toStrictEqual(newer);
    expect(await rowCounts('dup-in-batch')).toEqual(countsOf(newer));
  });

  it('writes none of a batch in which one article fails, and keeps what was there', async () => {
    const existing = article('rollback-existing');
    await repository.upsertMany([existing]);
    const firstCountry = exampleArticleEnriched.countries[0];
    if (!firstCountry) throw new Error('the example has countries');
    // The same country twice breaks the primary key of article_countries, after the articles
    // have been upserted and the old tags deleted in the same transaction.
    const broken = article('rollback-broken', {
      countries: [firstCountry, { ...firstCountry, salience: 0.1 }],
    });

    const failure = repository.upsertMany([
      revised('rollback-existing'),
      article('rollback-new'),
      broken,
    ]);

    await expect(failure).rejects.toMatchObject({ code: '23505' });
    expect(await reader.findById('rollback-existing')).toStrictEqual(existing);
    expect(await rowCounts('rollback-existing')).toEqual(countsOf(existing));
    expect(await rowCounts('rollback-new')).toEqual(NO_ROWS);
    expect(await rowCounts('rollback-broken')).toEqual(NO_ROWS);
  });

  it('writes a batch too large for one statement', async () => {
    // 12,000 entity rows x 6 columns are past Postgres's limit of 65,535 parameters in one
    // statement, and 240 articles past the repository's cap of articles per INSERT.
    const entities = Array.from({ length: 50 }, (_, k) => ({
      kind: 'person' as const,
      name: `Person ${k}`,
      surfaceForms: [`Person ${k}`],
      mentions: 1,
    }));
    const batch = Array.from({ length: 240 }, (_, i) => article(`bulk-${i}`, { entities }));
    const before = await reader.count();

    expect(await repository.upsertMany(batch)).toEqual({ written: 240, revised: 240 });

    expect(await reader.count()).toBe(before + 240);
    const [row] = await dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM article_entities WHERE article_id LIKE 'bulk-%'`,
    );
    expect(row?.count).toBe('12000');
    expect(await reader.findById('bulk-239')).toStrictEqual(batch[239]);
  });

  it('fails with ECONNREFUSED when nothing listens where Postgres should be', async () => {
    const unreachable = createDataSource(`postgres://postgres@127.0.0.1:${await freePort()}/test`);

    const error = await settle(unreachable.initialize());

    expect(codeOf(error)).toBe('ECONNREFUSED');
  });

  /**
   * Locks an article's row from another connection, so a batch touching it waits, in the middle
   * of its transaction, until `release`.
   */
  async function holdRow(id: string): Promise<{ release(): Promise<void> }> {
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [id]);
    return {
      release: async () => {
        await holder.rollbackTransaction();
        await holder.release();
      },
    };
  }

  /** Backends of this database waiting on a lock: a batch stuck behind `holdRow`. */
  async function lockWaiters(): Promise<number[]> {
    const rows = await dataSource.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows.map((row) => row.pid);
  }

  it('fails with the server code when Postgres ends the connection mid-batch, and writes nothing', async () => {
    await repository.upsertMany([article('terminated')]);
    const lock = await holdRow('terminated');
    try {
      const outcome = settle(
        repository.upsertMany([article('terminated-new'), revised('terminated')]),
      );
      const [waiter] = await until(lockWaiters, (pids) => pids.length > 0);
      // What every session receives when Postgres shuts down ("terminating connection due to
      // administrator command").
      await dataSource.query('SELECT pg_terminate_backend($1)', [waiter]);

      expect(codeOf(await outcome)).toBe('57P01');
    } finally {
      await lock.release();
    }
    expect(await rowCounts('terminated-new')).toEqual(NO_ROWS);
    expect(await reader.findById('terminated')).toStrictEqual(article('terminated'));
  });

  describe('when the network to Postgres breaks', () => {
    let proxy: TcpProxy;
    let viaProxy: DataSource;
    let throughProxy: ArticlesRepository;

    beforeEach(async () => {
      const { hostname, port } = new URL(database.url);
      proxy = new TcpProxy({ host: hostname, port: Number(port || 5432) });
      await proxy.start();
      viaProxy = createDataSource(proxy.urlFor(database.name));
      await viaProxy.initialize();
      throughProxy = new ArticlesRepository(viaProxy);
    });

    afterEach(async () => {
      await proxy.cut();
      await viaProxy.destroy();
    });

    it('fails as unavailable (ECONNREFUSED) while Postgres is away, and writes again once it is back', async () => {
      await throughProxy.upsertMany([article('away-before')]);

      await proxy.cut();
      // The reset reaches the pooled idle connections asynchronously; the pool drops them as it
      // sees it. The next test covers a batch that holds a connection when it breaks.
      const pool = (viaProxy.driver as PostgresDriver).master as { idleCount: number };
      await until(
        () => Promise.resolve(pool.idleCount),
        (idle) => idle === 0,
      );
      const whileAway = await settle(throughProxy.upsertMany([article('away-during')]));
      await proxy.start();
      const afterReturn = await throughProxy.upsertMany([article('away-during')]);

      expect(whileAway).toBeInstanceOf(DependencyUnavailableError);
      expect(codeOf(whileAway)).toBe('ECONNREFUSED');
      expect(afterReturn).toEqual({ written: 1, revised: 1 });
      expect(await reader.findById('away-during')).toStrictEqual(article('away-during'));
    });

    // Pins pg 8.16's behaviour for the library's boundary: a connection lost in use gives an
    // error with no `code`, only pg's message, which TypeORM wraps as QueryFailedError; the
    // repository hands it on as DependencyUnavailableError, the QueryFailedError its cause.
    it('fails as unavailable ("Connection terminated unexpectedly") when the connection breaks in use', async () => {
      await repository.upsertMany([article('cut-in-use')]);
      const lock = await holdRow('cut-in-use');
      try {
        const outcome = settle(throughProxy.upsertMany([revised('cut-in-use')]));
        await until(lockWaiters, (pids) => pids.length > 0);
        await proxy.cut();

        const failure = await outcome;
        expect(failure).toBeInstanceOf(DependencyUnavailableError);
        expect(failure).toMatchObject({ message: 'Connection terminated unexpectedly' });
        const error = (failure as Error).cause;
        expect(error).toBeInstanceOf(QueryFailedError);
        expect(error).toMatchObject({
          message: 'Connection terminated unexpectedly',
          driverError: expect.objectContaining({ message: 'Connection terminated unexpectedly' }),
        });
        expect(codeOf(error)).toBeUndefined();
      } finally {
        await lock.release();
      }
      expect(await reader.findById('cut-in-use')).toStrictEqual(article('cut-in-use'));
    });
  });
});

const NO_ROWS = { articles: 0, countries: 0, topics: 0, entities: 0 };

/** The rejection of `promise`, or an Error saying it resolved. */
async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
