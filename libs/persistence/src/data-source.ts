import { DataSource, MigrationExecutor } from 'typeorm';
import { ArticleCountryEntity } from './entities/article-country.entity';
import { ArticleNamedEntity } from './entities/article-named.entity';
import { ArticleRevisionEntity } from './entities/article-revision.entity';
import { ArticleTopicEntity } from './entities/article-topic.entity';
import { ArticleEntity } from './entities/article.entity';
import { FetchedPageEntity } from './entities/fetched-page.entity';
import { SourceEntity } from './entities/source.entity';
import { StoryBandEntity } from './entities/story-band.entity';
import { StoryMemberEntity } from './entities/story-member.entity';
import { StoryEntity } from './entities/story.entity';
import { InitialSchema1795863386527 } from './migrations/1795863386527-initial-schema';
import { Sources1795878580794 } from './migrations/1795878580794-sources';
import { ReadSide1795880116123 } from './migrations/1795880116123-read-side';
import { RefusedPages1796519309298 } from './migrations/1796519309298-refused-pages';
import { CountryConfidence1796550898684 } from './migrations/1796550898684-country-confidence';
import { SourceHealth1796558424191 } from './migrations/1796558424191-source-health';
import { Stories1796584122555 } from './migrations/1796584122555-stories';
import { SourceCursor1796585602422 } from './migrations/1796585602422-source-cursor';

export const entities = [
  ArticleEntity,
  ArticleCountryEntity,
  ArticleTopicEntity,
  ArticleNamedEntity,
  ArticleRevisionEntity,
  SourceEntity,
  FetchedPageEntity,
  StoryEntity,
  StoryBandEntity,
  StoryMemberEntity,
] as const;

/** In order: TypeORM runs the ones the database has not seen, oldest timestamp first. */
export const migrations = [
  InitialSchema1795863386527,
  Sources1795878580794,
  ReadSide1795880116123,
  RefusedPages1796519309298,
  CountryConfidence1796550898684,
  SourceHealth1796558424191,
  Stories1796584122555,
  SourceCursor1796585602422,
] as const;

export interface DataSourceOptions {
  /** A Postgres schema to keep the tables in instead of `public`; runMigrations creates it. */
  schema?: string;
  /** Log every SQL statement (TypeORM's console logger). */
  logging?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A DataSource over the article tables, not yet connected: call `initialize()`, then
 * `runMigrations()`. Migrations never run by themselves, so a service decides when it changes
 * the schema.
 */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  const { schema, logging = false } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`schema must be a lower-case SQL identifier, got "${schema}"`);
  }
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...entities],
    migrations: [...migrations],
    migrationsRun: false,
    synchronize: false,
    logging,
    schema,
    // The migrations are plain SQL with unqualified names: the search path puts them (and any
    // raw query) in the chosen schema, where TypeORM's own queries go by `schema` above.
    extra: schema === undefined ? {} : { options: `-c search_path=${schema}` },
  });
}

/** Connects and applies the pending migrations: what a service or newsctl does first. */
export async function connectMigrated(
  url: string,
  options: DataSourceOptions = {},
): Promise<DataSource> {
  const dataSource = createDataSource(url, options);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Any constant will do, as long as every replica uses the same one. */
const MIGRATION_LOCK_KEY = 7_462_013_511;

/**
 * Applies the pending migrations, all in one transaction, and returns their names. Replicas
 * starting together would race to create the same tables, so the run holds a Postgres advisory
 * lock: the others wait, then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const { schema } = dataSource.driver;
      if (schema !== undefined) await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'all';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await queryRunner.release();
  }
}
