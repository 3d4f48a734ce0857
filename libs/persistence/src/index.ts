// The library's face for the outside. Files inside the library import their siblings directly.
export { ArticlesRepository } from './articles.repository';
export { createDataSource, entities, migrations, runMigrations } from './data-source';
export type { DataSourceOptions } from './data-source';
export { ArticleCountryEntity } from './entities/article-country.entity';
export { ArticleNamedEntity } from './entities/article-named.entity';
export { ArticleTopicEntity } from './entities/article-topic.entity';
export { ARTICLE_SEARCH_DOCUMENT, ArticleEntity } from './entities/article.entity';
