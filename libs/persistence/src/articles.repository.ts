import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { toArticleRows, toRevisionRow } from './article.mapper';
import type { ArticleRows } from './article.mapper';
import { ArticleCountryEntity } from './entities/article-country.entity';
import { ArticleNamedEntity } from './entities/article-named.entity';
import { ArticleRevisionEntity } from './entities/article-revision.entity';
import { ArticleTopicEntity } from './entities/article-topic.entity';
import { ArticleEntity } from './entities/article.entity';
import { DatabaseBoundary } from './database-errors';

/** Postgres takes at most 65,535 bind parameters in one statement; stay clear of it. */
const MAX_PARAMETERS = 60_000;

/** Article bodies can be large: bound how much text one INSERT carries. */
const MAX_ARTICLES_PER_STATEMENT = 200;

const CHILD_TABLES = [ArticleCountryEntity, ArticleTopicEntity, ArticleNamedEntity] as const;

/** Held from taking ingest sequence numbers to the commit: see upsertMany. */
const INGEST_LOCK_KEY = 7_462_013_512;

interface HeldVersion {
  id: string;
  content_hash: string;
  revision: number;
  ingest_seq: string;
}

/**
 * The store's writes of articles, in the contract's shape; ArticlesReader reads them. An
 * unavailable database reaches the caller as DependencyUnavailableError (the stage waits it
 * out); any other database error as it is (pg's, or TypeORM's QueryFailedError with the driver
 * error's `code`), as a bad batch.
 */
@DatabaseBoundary()
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a batch in one transaction: all of it or none. Idempotent on the article id: an
   * article stored again replaces its row (keeping `first_stored_at`) and its whole set of
   * countries, topics and entities. When an id appears twice in the batch, the later one wins.
   *
   * New content (a new id, or a new content hash for a known one) gets the next revision, a row
   * in article_revisions and a new ingest sequence number; the same content again (a
   * redelivery, new tags) keeps both. Writers take the ingest lock before their first
   * sequence number and hold it to the commit, so numbers become visible in the order they
   * were taken: a reader paging by ingest_seq never sees n+1 before n and so never skips a row.
   * `written` counts distinct articles, `revised` those with new content.
   */
  async upsertMany(
    articles: readonly ArticleEnrichedV1[],
  ): Promise<{ written: number; revised: number }> {
    const batch = latestById(articles).map(toArticleRows);
    if (batch.length === 0) return { written: 0, revised: 0 };
    const ids = batch.map((rows) => rows.article.id);
    let revised = 0;

    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK_KEY]);
      const held: HeldVersion[] = await manager.query(
        'SELECT id, content_hash, revision, ingest_seq FROM articles WHERE id = ANY($1)',
        [ids],
      );
      const heldById = new Map(held.map((row) => [row.id, row]));
      const versions = batch.map(({ article }) => {
        const before = heldById.get(article.id);
        const isNew = before === undefined || before.content_hash !== article.contentHash;
        return { article, isNew, revision: before ? before.revision + (isNew ? 1 : 0) : 1, before };
      });
      const fresh = versions.filter((version) => version.isNew);
      revised = fresh.length;
      await upsertArticles(
        manager,
        versions.map(({ article, isNew, revision, before }) => ({
          ...article,
          revision,
          // Taken in batch order, under the lock; the same content keeps its place.
          ingestSeq: isNew || !before ? () => "nextval('article_ingest_seq')" : before.ingest_seq,
        })),
      );
      await insertAll(
        manager,
        ArticleRevisionEntity,
        fresh.map(({ article, revision }) => toRevisionRow(article, revision)),
      );
      for (const table of CHILD_TABLES) {
        await manager
          .createQueryBuilder()
          .delete()
          .from(table)
          .where('article_id = ANY(:ids)', { ids })
          .execute();
      }
      await insertAll(
        manager,
        ArticleCountryEntity,
        batch.flatMap((rows) => rows.countries),
      );
      await insertAll(
        manager,
        ArticleTopicEntity,
        batch.flatMap((rows) => rows.topics),
      );
      await insertAll(
        manager,
        ArticleNamedEntity,
        batch.flatMap((rows) => rows.entities),
      );
    });
    return { written: batch.length, revised };
  }
}

/**
 * The last version of each id, sorted by id. One INSERT cannot touch a row twice (Postgres
 * refuses "ON CONFLICT DO UPDATE command cannot affect row a second time"), and a fixed order
 * makes two overlapping batches lock their rows in the same order instead of deadlocking.
 */
function latestById(articles: readonly ArticleEnrichedV1[]): ArticleEnrichedV1[] {
  const byId = new Map<string, ArticleEnrichedV1>();
  for (const article of articles) byId.set(article.id, article);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type ArticleWrite = ArticleRows['article'] & {
  revision: number;
  ingestSeq: string | (() => string);
};

async function upsertArticles(manager: EntityManager, rows: ArticleWrite[]): Promise<void> {
  const metadata = manager.connection.getMetadata(ArticleEntity);
  // Every column but the key, first_stored_at and the generated search takes the incoming value.
  const overwrite = metadata.columns
    .filter(
      (column) => !column.isPrimary && column.propertyName !== 'firstStoredAt' && column.isInsert,
    )
    .map((column) => column.databaseName);
  const perStatement = Math.min(
    MAX_ARTICLES_PER_STATEMENT,
    rowsPerStatement(metadata.columns.length),
  );
  for (const chunk of chunks(rows, perStatement)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ArticleEntity)
      .values(chunk.map((row) => ({ ...row, lastStoredAt: () => 'now()' })))
      .orUpdate(overwrite, ['id'])
      .updateEntity(false)
      .execute();
  }
}

async function insertAll<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
): Promise<void> {
  const columnCount = manager.connection.getMetadata(target).columns.length;
  for (const chunk of chunks(rows, rowsPerStatement(columnCount))) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(chunk)
      .updateEntity(false)
      .execute();
  }
}

function rowsPerStatement(columnCount: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / columnCount));
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
