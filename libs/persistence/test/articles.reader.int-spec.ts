import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1, ArticleWithHistory } from '@newsflow/contracts';
import type { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createTempDatabase } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';
import { ArticlesReader } from '../src/articles.reader';
import { ArticlesRepository } from '../src/articles.repository';
import { createDataSource, runMigrations } from '../src/data-source';

/** The example message under another id, copied through JSON (see the repository's spec). */
function article(id: string): ArticleEnrichedV1 {
  return { ...(JSON.parse(JSON.stringify(exampleArticleEnriched)) as ArticleEnrichedV1), id };
}

const REVISED_HASH = 'f'.repeat(64);

/** The article's second content version: new text, new tags. */
function revised(id: string): ArticleEnrichedV1 {
  return {
    ...article(id),
    title: 'Revised title',
    contentHash: REVISED_HASH,
    countries: [{ code: 'EG', mentions: 1, salience: 0.5, evidence: ['Cairo'], focus: true }],
  };
}

/**
 * Which content version (1 or 2) each part of findWithHistory's answer shows: the article's
 * text (the articles row), its tags (article_countries), `stored` and the newest of `revisions`.
 */
function versions(found: ArticleWithHistory | null) {
  if (found === null) return null;
  return {
    text: found.article.contentHash === REVISED_HASH ? 2 : 1,
    tags: found.article.countries[0]?.code === 'EG' ? 2 : 1,
    stored: found.stored.revision,
    history: found.revisions.at(-1)?.revision,
  };
}

const FIRST = { text: 1, tags: 1, stored: 1, history: 1 };
const SECOND = { text: 2, tags: 2, stored: 2, history: 2 };

describe(ArticlesReader.name, () => {
  let database: TempDatabase;
  /** The reader's connections; the writer has a pool of its own, so the two never share one. */
  let readSide: DataSource;
  let writeSide: DataSource;
  let reader: ArticlesReader;
  let writer: ArticlesRepository;

  beforeAll(async () => {
    database = await createTempDatabase();
    writeSide = createDataSource(database.url);
    await writeSide.initialize();
    await runMigrations(writeSide);
    readSide = createDataSource(database.url);
    await readSide.initialize();
    reader = new ArticlesReader(readSide);
    writer = new ArticlesRepository(writeSide);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await readSide?.destroy();
    await writeSide?.destroy();
    await database?.drop();
  });

  /**
   * Runs `read` and, right after the reader's `pause`-th SELECT has returned, holds the reader
   * there while `meanwhile` runs to its end (its commit). Counts the reader's SELECTs.
   */
  async function interleaved<T>(
    read: () => Promise<T>,
    pause: number,
    meanwhile: () => Promise<unknown>,
  ): Promise<{ result: T; selects: number }> {
    const query = PostgresQueryRunner.prototype.query;
    let selects = 0;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(async function (
      this: PostgresQueryRunner,
      ...args: Parameters<PostgresQueryRunner['query']>
    ): Promise<unknown> {
      const answer: unknown = await query.apply(this, args);
      if (this.connection === readSide && /^\s*SELECT\b/i.test(args[0])) {
        selects += 1;
        if (selects === pause) await meanwhile();
      }
      return answer;
    });
    try {
      return { result: await read(), selects };
    } finally {
      jest.restoreAllMocks();
    }
  }

  describe('findWithHistory', () => {
    it('reads one snapshot: a revision committed between any two of its reads is in all of its answer or in none', async () => {
      await writer.upsertMany([article('calibrate')]);
      const { selects } = await interleaved(
        () => reader.findWithHistory('calibrate'),
        0,
        () => Promise.resolve(),
      );
      expect(selects).toBeGreaterThan(0);

      const answers: { pause: number; versions: ReturnType<typeof versions> }[] = [];
      for (let pause = 1; pause <= selects; pause++) {
        const id = `snapshot-after-read-${pause}`;
        await writer.upsertMany([article(id)]);
        const { result } = await interleaved(
          () => reader.findWithHistory(id),
          pause,
          () => writer.upsertMany([revised(id)]),
        );
        // The revision did commit while the reader was paused: a later read sees it whole.
        expect(versions(await reader.findWithHistory(id))).toEqual(SECOND);
        answers.push({ pause, versions: versions(result) });
      }

      const mixed = answers.filter(
        (answer) => !isDeepEqual(answer.versions, FIRST) && !isDeepEqual(answer.versions, SECOND),
      );
      expect(mixed).toEqual([]);
    });

    it('answers null for an unknown id', async () => {
      expect(await reader.findWithHistory('never-stored')).toBeNull();
    });
  });
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
