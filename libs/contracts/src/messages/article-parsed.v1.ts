import type { FromSchema } from 'json-schema-to-ts';
import type {
  articleImageV1Schema,
  articleParsedV1Schema,
  articleProvenanceV1Schema,
} from '../schemas/article-parsed.v1.schema';

// Derived from the JSON Schemas (json-schema-to-ts), where each field is documented.

/**
 * Where each metadata field of an article came from, as a source label. A field the article
 * leaves empty (null, no items) has no entry. Labels:
 *
 * - from an HTML page: `json-ld`, `microdata`, `opengraph` (`og:*` and `article:*` tags),
 *   `twitter`, `meta:<name>` for any other `<meta>` (lower-cased, e.g. `meta:parsely-pub-date`),
 *   `time-element`, `byline` (author markup in the body), `h1`, `title-tag`, `html-lang`,
 *   `link-canonical`, `figure` (the first picture of the body);
 * - from the other formats: `saved-text`, `json`;
 * - from outside the document: `feed` (the feed entry's hints), `fetched-url` (the address the
 *   document was fetched from), `detected` (the language detected from the text, overruling or
 *   standing in for what the document declares).
 *
 * Consumers should treat an unknown label as "some other source": new ones may be added.
 */
export type ArticleProvenanceV1 = FromSchema<typeof articleProvenanceV1Schema>;

/** The metadata fields labelled with their source; `body` is labelled apart, and only when set. */
export type ProvenanceField = Exclude<keyof ArticleProvenanceV1, 'body'>;

export type ArticleImageV1 = FromSchema<typeof articleImageV1Schema>;

/** A structured article: news.article.parsed.v1, keyed by `id`. */
export type ArticleParsedV1 = FromSchema<typeof articleParsedV1Schema>;
