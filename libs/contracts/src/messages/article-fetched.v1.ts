import type { FromSchema } from 'json-schema-to-ts';
import type {
  articleFetchedV1Schema,
  documentFormats,
  feedHintsV1Schema,
  sourceKinds,
  sourceRefV1Schema,
} from '../schemas/article-fetched.v1.schema';

// Each type is derived from its JSON Schema (json-schema-to-ts): the schema is the one
// definition, its fields documented there. Change the schema, and the type follows.

/** Where an article came from. `id` is stable per configured source. */
export type SourceRefV1 = FromSchema<typeof sourceRefV1Schema>;

export type SourceKind = (typeof sourceKinds)[number];

export type DocumentFormat = (typeof documentFormats)[number];

/**
 * Fields a feed or sitemap entry already told us about the article. The parser treats them as
 * one more metadata source (with provenance), never as the truth over the page.
 */
export type FeedHintsV1 = FromSchema<typeof feedHintsV1Schema>;

/** A raw document as fetched: news.article.fetched.v1, keyed by `id`. */
export type ArticleFetchedV1 = FromSchema<typeof articleFetchedV1Schema>;
