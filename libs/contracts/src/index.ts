// The library's face for the outside. Files inside the library import their siblings directly.
// Where a change goes: a field of a topic's message goes in its JSON Schema in schemas/ (optional
// in V1; the type in messages/ is derived from it, and its fixture in fixtures/ must still
// validate), then `npm run docs:asyncapi`; a breaking change is a new `.v2` topic in topics.ts.
// A field of a read API answer goes in read-model/ (interface and OpenAPI schema side by side).
export * from './topics';
export type * from './messages/article-fetched.v1';
export type * from './messages/article-parsed.v1';
export type * from './messages/article-enriched.v1';
export type * from './messages/dead-letter.v1';
export {
  articleFetchedV1Schema,
  documentFormats,
  sourceKinds,
} from './schemas/article-fetched.v1.schema';
export { articleParsedV1Schema } from './schemas/article-parsed.v1.schema';
export {
  articleEnrichedV1Schema,
  entityKinds,
  textZones,
} from './schemas/article-enriched.v1.schema';
export { deadLetterReasons, deadLetterV1Schema } from './schemas/dead-letter.v1.schema';
export { topicSchemas } from './schemas/topic-schemas';
export { InvalidEventError, assertValid, parseEvent, validate } from './validation';
export type { InvalidEventCode, SchemaProblem, ValidationResult } from './validation';
export {
  exampleArticleEnriched,
  exampleArticleFetched,
  examplesByTopic,
  exampleArticleParsed,
  exampleDeadLetter,
} from './examples';
export type * from './read-model/article-page';
export type * from './read-model/article-stats';
export type * from './read-model/article-history';
export type * from './read-model/story';
export {
  articlePageSchema,
  articleRevisionSchema,
  articleStatsSchema,
  articleSummarySchema,
  articleWithHistorySchema,
  readModelSchemas,
  storedArticleInfoSchema,
  storyCopySchema,
  storySchema,
} from './read-model/read-model.schemas';
