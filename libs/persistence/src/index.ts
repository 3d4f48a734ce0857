// The library's face for the outside. Files inside the library import their siblings directly.
// Where a change goes: a column is an entity in entities/ plus a migration in migrations/; the
// store's writes go in ArticlesRepository, the enricher's story index in StoriesRepository, the read API's queries in ArticlesReader (one
// REPEATABLE READ snapshot per method). Every repository class carries @DatabaseBoundary, so an
// unavailable Postgres leaves it as runtime's DependencyUnavailableError.
export { ArticlesRepository } from './articles.repository';
export { ArticlesReader, MAX_STORY_COPIES } from './articles.reader';
export {
  connectMigrated,
  createDataSource,
  entities,
  migrations,
  runMigrations,
} from './data-source';
export type { DataSourceOptions } from './data-source';
export { ArticleCountryEntity } from './entities/article-country.entity';
export { ArticleNamedEntity } from './entities/article-named.entity';
export { ArticleTopicEntity } from './entities/article-topic.entity';
export { ArticleEntity } from './entities/article.entity';
export { ArticleRevisionEntity } from './entities/article-revision.entity';
export { ARTICLE_SEARCH_VECTOR, SEARCH_CONFIGS, searchConfigFor } from './search-config';
export { SourceEntity } from './entities/source.entity';
export type { SourceKindSetting, SourceOrigin } from './entities/source.entity';
export { FetchedPageEntity } from './entities/fetched-page.entity';
export { PUBLISH_INTERVAL_WEIGHT, SourcesRepository } from './sources.repository';
export type { NewSource, PollOutcome, SourceHealthRow } from './sources.repository';
export { FetchedPagesRepository } from './fetched-pages.repository';
export { StoriesRepository } from './stories.repository';
export type {
  ChooseStory,
  StoryAssignment,
  StoryCandidateRow,
  StoryKeys,
} from './stories.repository';
export { StoryEntity } from './entities/story.entity';
export { StoryBandEntity } from './entities/story-band.entity';
export { StoryMemberEntity } from './entities/story-member.entity';
export type { FetchedPage, KnownPage } from './fetched-pages.repository';
export {
  DATA_SOURCE,
  DatabaseLifecycle,
  connectDatabase,
  databaseProviders,
} from './nest/database.providers';
export { toArticleRows, toRevisionRow } from './article.mapper';
export type { ArticleRows } from './article.mapper';
