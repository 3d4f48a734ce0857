import { exampleArticleEnriched } from '@newsflow/contracts';
import type { DataSource } from 'typeorm';
import { ArticlesReader } from '../src/articles.reader';
import { ArticlesRepository } from '../src/articles.repository';
import { createDataSource, migrations, runMigrations } from '../src/data-source';
import { createTempDatabase } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';

const TABLES = [
  'article_countries',
  'article_entities',
  'article_revisions',
  'article_topics',
  'articles',
  'fetched_pages',
  'sources',
  'stories',
  'story_bands',
  'story_members',
];

async function tablesIn(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = $1 AND table_name NOT IN ('migrations', 'typeorm_metadata')
     ORDER BY table_name`,
    [schema],
  );
  return rows.map((row) => row.table_name);
}

/** What TypeORM would run to make the database match the entities: empty when they agree. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

describe(runMigrations.name, () => {
  let database: TempDatabase;
  const dataSources: DataSource[] = [];

  async function connect(schema?: string): Promise<DataSource> {
    const dataSource = createDataSource(database.url, { schema });
    await dataSource.initialize();
    dataSources.push(dataSource);
    return dataSource;
  }

  beforeAll(async () => {
    database = await createTempDatabase();
  });

  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await database.drop();
  });

  it('builds from an empty database the schema the entities describe', async () => {
    const dataSource = await connect();

    expect(await runMigrations(dataSource)).toEqual(migrations.map((migration) => migration.name));
    expect(await tablesIn(dataSource, 'public')).toEqual(TABLES);
    // Fails when an entity changed without a migration: generate one with the TypeORM CLI.
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('does nothing when every migration has run', async () => {
    const dataSource = await connect();

    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('lets replicas starting together run the migrations once', async () => {
    const [first, second] = await Promise.all([connect('replicas'), connect('replicas')]);

    const applied = await Promise.all([runMigrations(first), runMigrations(second)]);

    expect(applied.flat()).toEqual(migrations.map((migration) => migration.name));
  });

  it('creates the indexes the read side sorts and searches by', async () => {
    const dataSource = await connect();

    const plans = await dataSource.transaction(async (manager) => {
      // The table is empty: forbid the sequential scan so the plan shows which index can serve.
      await manager.query('SET LOCAL enable_seqscan = off');
      const explain = async (sql: string): Promise<string> => {
        const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${sql}`);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      return {
        newest: await explain(
          'SELECT id FROM articles ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 20',
        ),
        search: await explain(
          `SELECT id FROM articles WHERE search @@ websearch_to_tsquery('english', 'putin')`,
        ),
        cursor: await explain(
          'SELECT id FROM articles WHERE ingest_seq > 10 ORDER BY ingest_seq LIMIT 20',
        ),
        focus: await explain(
          `SELECT article_id FROM article_countries WHERE code = 'QA' AND focus`,
        ),
        country: await explain(`SELECT article_id FROM article_countries WHERE code = 'RU'`),
        countrySure: await explain(
          `SELECT article_id FROM article_countries WHERE code = 'RU' AND confidence >= 0.8`,
        ),
        topic: await explain(
          `SELECT article_id FROM article_topics WHERE code = 'medtop:11000000'`,
        ),
      };
    });

    expect(plans.newest).toContain('IDX_articles_published_at');
    expect(plans.search).toContain('IDX_articles_search');
    expect(plans.cursor).toContain('UQ_articles_ingest_seq');
    expect(plans.focus).toContain('IDX_article_countries_focus_code');
    expect(plans.country).toContain('IDX_article_countries_code');
    expect(plans.countrySure).toContain('IDX_article_countries_code_confidence');
    expect(plans.topic).toContain('IDX_article_topics_code');
  });

  it('keeps the tables in the schema it is given', async () => {
    const dataSource = await connect('tenant_a');

    await runMigrations(dataSource);
    const repository = new ArticlesRepository(dataSource);
    await repository.upsertMany([{ ...exampleArticleEnriched, id: 'in-tenant-a' }]);

    expect(await tablesIn(dataSource, 'tenant_a')).toEqual(TABLES);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    const rows = await dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM tenant_a.articles WHERE id = 'in-tenant-a'`,
    );
    expect(rows).toEqual([{ count: '1' }]);
  });

  it('adds confidence to countries stored before it existed as null, and takes it away again', async () => {
    const dataSource = await connect('upgraded');
    await runMigrations(dataSource);
    const repository = new ArticlesRepository(dataSource);
    await repository.upsertMany([{ ...exampleArticleEnriched, id: 'before-confidence' }]);
    const confidenceColumn = () =>
      dataSource.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'upgraded' AND table_name = 'article_countries'
           AND column_name = 'confidence'`,
      );

    // Back to just before confidence, the migrations after it undone first.
    const later = migrations.slice(
      migrations.findIndex((migration) => migration.name === 'CountryConfidence1796550898684'),
    );
    for (let i = 0; i < later.length; i++) await dataSource.undoLastMigration();
    expect(await confidenceColumn()).toEqual([]);
    expect(await runMigrations(dataSource)).toEqual(later.map((migration) => migration.name));

    const rows = await dataSource.query<{ confidence: number | null }[]>(
      `SELECT confidence FROM upgraded.article_countries WHERE article_id = 'before-confidence'`,
    );
    expect(rows.map((row) => row.confidence)).toEqual([null, null, null, null]);
    const found = await new ArticlesReader(dataSource).findById('before-confidence');
    expect(found?.countries.map((c) => c.code)).toEqual(['RU', 'QA', 'SY', 'PS']);
    expect(found?.countries.some((c) => 'confidence' in c)).toBe(false);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('reverts to an empty database', async () => {
    const dataSource = await connect('reverted');
    await runMigrations(dataSource);

    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();

    expect(await tablesIn(dataSource, 'reverted')).toEqual([]);
  });
});
