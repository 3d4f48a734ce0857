import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { fromArticleRows, toArticleRows } from './article.mapper';
import type { ArticleRows } from './article.mapper';
import { ArticleCountryEntity } from './entities/article-country.entity';
import { ArticleNamedEntity } from './entities/article-named.entity';
import { ArticleTopicEntity } from './entities/article-topic.entity';
import { ArticleEntity } from './entities/article.entity';

/** Postgres takes at most 65,535 bind parameters in one statement; stay clear of it. */
const MAX_PARAMETERS = 60_000;

/** Article bodies can be large: bound how much text one INSERT carries. */
const MAX_ARTICLES_PER_STATEMENT = 200;

const CHILD_TABLES = [ArticleCountryEntity, ArticleTopicEntity, ArticleNamedEntity] as const;

/**
 * Articles in Postgres, in the contract's shape. Errors from the database reach the caller as
 * they are (pg's errors, or TypeORM's QueryFailedError, which copies the driver error's `code`
 * and keeps it as `driverError`), so the caller can tell "Postgres is down" from a bad batch.
 */
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a batch in one transaction: all of it or none. Idempotent on the article id: an
   * article stored again replaces its row (keeping `first_stored_at`) and its whole set of
   * countries, topics and entities. When an id appears twice in the batch, the later one wins.
   * `written` counts distinct articles.
   */
  async upsertMany(articles: readonly ArticleEnrichedV1[]): Promise<{ written: number }> {
    const batch = latestById(articles).map(toArticleRows);
    if (batch.length === 0) return { written: 0 };
    const ids = batch.map((rows) => rows.article.id);

    await this.dataSource.transaction(async (manager) => {
      await upsertArticles(
        manager,
        batch.map((rows) => rows.article),
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
    return { written: batch.length };
  }

  /** The article as last stored, countries by salience (highest first), or null. */
  async findById(id: string): Promise<ArticleEnrichedV1 | null> {
    // One snapshot for the four reads, so a store committing in between cannot mix versions.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const article = await manager.findOneBy(ArticleEntity, { id });
      if (article === null) return null;
      const rows: ArticleRows = {
        article,
        countries: await manager.find(ArticleCountryEntity, {
          where: { articleId: id },
          order: { salience: 'DESC', position: 'ASC' },
        }),
        topics: await manager.find(ArticleTopicEntity, {
          where: { articleId: id },
          order: { position: 'ASC' },
        }),
        entities: await manager.find(ArticleNamedEntity, {
          where: { articleId: id },
          order: { position: 'ASC' },
        }),
      };
      return fromArticleRows(rows);
    });
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(ArticleEntity).count();
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

async function upsertArticles(
  manager: EntityManager,
  rows: ArticleRows['article'][],
): Promise<void> {
  const metadata = manager.connection.getMetadata(ArticleEntity);
  // Every column but the key and first_stored_at takes the incoming value on conflict.
  const overwrite = metadata.columns
    .filter((column) => !column.isPrimary && column.propertyName !== 'firstStoredAt')
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
