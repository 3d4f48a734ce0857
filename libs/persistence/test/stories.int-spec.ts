import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { createTempDatabase, seededRandom } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { ArticlesReader, MAX_STORY_COPIES } from '../src/articles.reader';
import { ArticlesRepository } from '../src/articles.repository';
import { createDataSource, runMigrations } from '../src/data-source';
import { StoriesRepository } from '../src/stories.repository';
import type { ChooseStory, StoryKeys } from '../src/stories.repository';

const HASHES = 12;
const ROWS = 3;

/**
 * Keys as enrichment computes them, made small: a signature of HASHES minima cut into bands of
 * ROWS, each band's key its minima (the real keys hash them, which changes nothing here).
 */
function keysOf(signature: number[]): StoryKeys {
  const bands = [];
  for (let band = 0; band * ROWS < signature.length; band += 1) {
    const minima = signature.slice(band * ROWS, band * ROWS + ROWS);
    const key = BigInt(band) * 10n ** 15n + BigInt(minima.reduce((k, v) => k * 1000 + v, 0));
    bands.push({ key: key.toString(), lock: Number(BigInt.asIntN(32, key)) });
  }
  return { signature: Uint32Array.from(signature), bands };
}

/** The share of equal minima, joined at 0.5 or more: chooseStory's rule. */
const similar =
  (signature: Uint32Array): ChooseStory =>
  (candidates) => {
    let best: { storyId: string; similarity: number } | null = null;
    for (const candidate of candidates) {
      const equal = signature.filter((v, i) => candidate.signature[i] === v).length;
      const similarity = equal / signature.length;
      if (similarity >= 0.5 && (best === null || similarity > best.similarity))
        best = { storyId: candidate.storyId, similarity };
    }
    return best;
  };

/** A story's text: distinct random minima; a copy keeps the first `kept` of them. */
function text(random: () => number): number[] {
  return Array.from({ length: HASHES }, () => Math.floor(random() * 999));
}
const copyOf = (signature: number[], kept: number): number[] =>
  signature.map((v, i) => (i < kept ? v : v + 1));

describe(StoriesRepository.name, () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  /** A second pool: another enricher replica. */
  let replica: DataSource;
  let stories: StoriesRepository;
  const random = seededRandom(19);

  const assign = (repository: StoriesRepository, id: string, signature: number[], max = 20) => {
    const keys = keysOf(signature);
    return repository.assign(id, keys, similar(keys.signature), max);
  };

  async function count(sql: string, values: unknown[] = []): Promise<number> {
    const [row] = await dataSource.query<{ n: string }[]>(sql, values);
    return Number(row?.n);
  }

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    replica = createDataSource(database.url);
    await replica.initialize();
    stories = new StoriesRepository(dataSource);
  });

  afterAll(async () => {
    await replica?.destroy();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('names a story by its first article, puts a near copy in it and a different text apart', async () => {
    const original = text(random);

    expect(await assign(stories, 'a-1', original)).toEqual({
      storyId: 'a-1',
      similarity: 1,
      named: true,
    });
    expect(await assign(stories, 'a-2', copyOf(original, 9))).toEqual({
      storyId: 'a-1',
      similarity: 0.75,
      named: false,
    });
    expect((await assign(stories, 'b-1', text(random))).storyId).toBe('b-1');
    expect(await count('SELECT count(*) AS n FROM story_bands WHERE story_id = $1', ['a-1'])).toBe(
      HASHES / ROWS,
    );
    // Only stories get bands: the copy is found through its story's.
    expect(await count('SELECT count(*) AS n FROM story_bands WHERE story_id = $1', ['a-2'])).toBe(
      0,
    );
  });

  it('gives a redelivered article its story again, even with other text', async () => {
    const original = text(random);
    await assign(stories, 'r-1', original);
    const copy = copyOf(original, 6);

    const first = await assign(stories, 'r-2', copy);
    const again = await assign(stories, 'r-2', copy);
    const revised = await assign(stories, 'r-2', text(random));

    expect(first).toEqual({ storyId: 'r-1', similarity: 0.5, named: false });
    expect(again).toEqual(first);
    expect(revised).toEqual(first);
    expect(
      await count('SELECT count(*) AS n FROM story_members WHERE article_id = $1', ['r-2']),
    ).toBe(1);
    expect(await stories.storyOf('r-2')).toEqual({ storyId: 'r-1', similarity: 0.5 });
  });

  it('lets only one of two replicas name a story when two copies arrive at once', async () => {
    const other = new StoriesRepository(replica);
    for (let round = 0; round < 10; round += 1) {
      const original = text(random);
      const results = await Promise.all([
        assign(stories, `race-${round}-a`, original),
        assign(other, `race-${round}-b`, copyOf(original, 9)),
      ]);

      expect(new Set(results.map((r) => r.storyId)).size).toBe(1);
      expect(results.filter((r) => r.named)).toHaveLength(1);
    }
  });

  it('takes the same story when one article is assigned twice at once with other text', async () => {
    const other = new StoriesRepository(replica);
    const results = await Promise.all([
      assign(stories, 'twice', text(random)),
      assign(other, 'twice', text(random)),
    ]);

    expect(results[0]?.storyId).toBe('twice');
    expect(results[1]?.storyId).toBe('twice');
    expect(await count("SELECT count(*) AS n FROM story_members WHERE article_id = 'twice'")).toBe(
      1,
    );
  });

  it('offers at most maxCandidates stories, those sharing the most bands first', async () => {
    const base = text(random);
    // 25 stories sharing the first band with base, then one sharing two.
    for (let i = 0; i < 25; i += 1) {
      await assign(
        stories,
        `many-${String(i).padStart(2, '0')}`,
        copyOf(base, 3).map((v, j) => (j < 3 ? v : v + 10 + i)),
      );
    }
    await assign(
      stories,
      'many-best',
      copyOf(base, 6).map((v, j) => (j < 6 ? v : v + 50)),
    );
    let offered: string[] = [];
    const keys = keysOf(base);
    await stories.assign(
      'many-probe',
      keys,
      (candidates) => {
        offered = candidates.map((c) => c.storyId);
        return null;
      },
      20,
    );

    expect(offered).toHaveLength(20);
    expect(offered[0]).toBe('many-best');
    expect(
      (
        await stories.candidates(
          keys.bands.map((b) => b.key),
          26,
        )
      ).length,
    ).toBe(26);
  });

  it('looks candidates up through the band index, not by reading the table', async () => {
    // 60,000 more band rows, so the planner's choice means something.
    await dataSource.query(
      `INSERT INTO stories (id, signature) SELECT 'bulk-' || g, '\\x00' FROM generate_series(1, 20000) g;
       INSERT INTO story_bands (band_key, story_id)
       SELECT (g::bigint * 7919 + b) * 1000003, 'bulk-' || g FROM generate_series(1, 20000) g, generate_series(1, 3) b;
       ANALYZE story_bands; ANALYZE stories`,
    );
    const plan = (
      await dataSource.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT story_id, count(*) FROM story_bands WHERE band_key = ANY($1::bigint[])
         GROUP BY story_id`,
        [keysOf(text(random)).bands.map((b) => b.key)],
      )
    )
      .map((row) => row['QUERY PLAN'])
      .join('\n');

    expect(plan).toMatch(
      /Index (Only )?Scan using "PK_story_bands"|Bitmap Index Scan on "PK_story_bands"/,
    );
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

describe('stories on the read side', () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let reader: ArticlesReader;

  function article(
    id: string,
    story: { storyId: string; storySimilarity: number } | null,
    source = 'wire',
  ) {
    const copy = JSON.parse(JSON.stringify(exampleArticleEnriched)) as ArticleEnrichedV1;
    const { storyId: _id, storySimilarity: _similarity, ...rest } = copy;
    return { ...rest, id, source: { ...copy.source, id: source }, ...story } as ArticleEnrichedV1;
  }

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    reader = new ArticlesReader(dataSource);
    const articles = new ArticlesRepository(dataSource);
    await articles.upsertMany([article('s-1', { storyId: 's-1', storySimilarity: 1 })]);
    await articles.upsertMany([
      article('s-2', { storyId: 's-1', storySimilarity: 0.8 }, 'daily'),
      article('s-3', { storyId: 's-1', storySimilarity: 0.6 }, 'daily'),
      article('t-1', { storyId: 't-1', storySimilarity: 1 }),
      article('short', null),
    ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('keeps the story on the row and gives it back in the message and the summary', async () => {
    expect(await reader.findById('s-2')).toMatchObject({ storyId: 's-1', storySimilarity: 0.8 });
    const short = await reader.findById('short');
    expect(short).not.toHaveProperty('storyId');
    expect(short).not.toHaveProperty('storySimilarity');

    const page = await reader.page({ story: 's-1', limit: 10 });
    expect(page.items.map((i) => [i.id, i.storyId, i.storySimilarity])).toEqual([
      ['s-1', 's-1', 1],
      ['s-2', 's-1', 0.8],
      ['s-3', 's-1', 0.6],
    ]);
  });

  it('lists a story with its copies, their sources and times; null for an unknown one', async () => {
    const story = await reader.story('s-1');

    expect(story).toMatchObject({ id: 's-1', copies: 3, sources: 2 });
    expect(story?.articles.map((a) => [a.id, a.source.id, a.similarity])).toEqual([
      ['s-1', 'wire', 1],
      ['s-2', 'daily', 0.8],
      ['s-3', 'daily', 0.6],
    ]);
    expect(story?.firstStoredAt).toBe(story?.articles[0]?.firstStoredAt);
    expect(await reader.story('nothing')).toBeNull();
  });

  it('counts stories beside articles: copies once, an article without a story as its own', async () => {
    const stats = await reader.stats({}, 30, 10);

    expect([stats.articles, stats.stories]).toEqual([5, 3]);
    expect((await reader.stats({ source: 'daily' }, 30, 10)).stories).toBe(1);
  });

  it(`lists at most MAX_STORY_COPIES (${MAX_STORY_COPIES}) copies and counts them all`, async () => {
    const copies = async (n: number) => {
      await dataSource.query(
        `INSERT INTO articles (id, source_id, source_kind, source_name, title, paragraphs, body_text,
           authors, keywords, images, content_hash, word_count, parser_version, enricher_version,
           ingest_seq, story_id, story_similarity)
         SELECT 'big-' || g, 'wire', 'feed', 'Wire', 'Copy', '[]', 'text', '{}', '{}', '[]', 'h', 1,
                '1', '1', nextval('article_ingest_seq'), 'big-1', 0.9
         FROM generate_series((SELECT count(*) FROM articles WHERE story_id = 'big-1') + 1, $1) g`,
        [n],
      );
      return reader.story('big-1');
    };

    const under = await copies(MAX_STORY_COPIES);
    expect([under?.copies, under?.articles.length]).toEqual([MAX_STORY_COPIES, MAX_STORY_COPIES]);
    const over = await copies(MAX_STORY_COPIES + 1);
    expect([over?.copies, over?.articles.length]).toEqual([MAX_STORY_COPIES + 1, MAX_STORY_COPIES]);
  });
});
