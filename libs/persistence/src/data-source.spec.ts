import { createDataSource, migrations } from './data-source';
import { ArticleNamedEntity } from './entities/article-named.entity';
import { ArticleEntity } from './entities/article.entity';

const URL = 'postgres://postgres@127.0.0.1:5432/test';

describe(createDataSource.name, () => {
  it('registers the entities and migrations, and leaves running migrations to the caller', () => {
    const { options } = createDataSource(URL);

    expect(options).toMatchObject({ type: 'postgres', migrationsRun: false, synchronize: false });
    expect(options.entities).toEqual(expect.arrayContaining([ArticleEntity, ArticleNamedEntity]));
    expect(options.migrations).toEqual([...migrations]);
  });

  it('points the search path at the schema it is given', () => {
    const { options } = createDataSource(URL, { schema: 'tenant_a' });

    expect(options).toMatchObject({
      schema: 'tenant_a',
      extra: { options: '-c search_path=tenant_a' },
    });
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createDataSource(URL, { schema: 'a b; DROP TABLE x' })).toThrow(
      /lower-case SQL identifier/,
    );
  });
});
