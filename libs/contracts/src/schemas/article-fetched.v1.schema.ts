import {
  JSON_SCHEMA_DIALECT,
  nonEmptyString,
  nullableString,
  nullableUri,
  schemaVersion1,
  stringList,
  timestamp,
} from './fields.schema';

// The schemas are the contracts, written once: ../messages derives each TypeScript type from its
// schema (json-schema-to-ts), so a field added here is in the type, and a field is documented
// here, in its `description`, where the JSON Schemas and the AsyncAPI document show it too.
// Every V1 object is closed (`additionalProperties: false`).

export const sourceKinds = ['folder', 'feed', 'sitemap', 'url-list', 'web', 'warc'] as const;

export const documentFormats = ['html', 'text', 'json'] as const;

/** SourceRefV1. */
export const sourceRefV1Schema = {
  description: 'Where an article came from.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'name'],
  properties: {
    id: { ...nonEmptyString, description: 'Stable per configured source.' },
    kind: { type: 'string', enum: sourceKinds },
    name: { type: 'string' },
  },
} as const;

/** FeedHintsV1: every field optional, as the feed or sitemap entry may say nothing. */
export const feedHintsV1Schema = {
  description:
    'Fields a feed or sitemap entry already told us about the article. The parser treats them as one more metadata source (with provenance), never as the truth over the page.',
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string' },
    summary: { type: 'string' },
    authors: stringList,
    publishedAt: timestamp,
    updatedAt: timestamp,
    language: { type: 'string' },
    categories: stringList,
    content: {
      type: 'string',
      description:
        "The article's body as the feed carries it (content:encoded, Atom content, JSON Feed content_html), as HTML: the parser reads it when the page itself yields no article text.",
    },
  },
} as const;

/** ArticleFetchedV1: news.article.fetched.v1. */
export const articleFetchedV1Schema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: 'urn:newsflow:contracts:ArticleFetchedV1',
  title: 'ArticleFetchedV1',
  description: 'A raw document as fetched: news.article.fetched.v1, keyed by id.',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'id',
    'source',
    'url',
    'fetchedAt',
    'httpStatus',
    'contentType',
    'charset',
    'format',
    'body',
  ],
  properties: {
    schemaVersion: schemaVersion1,
    id: {
      ...nonEmptyString,
      description:
        'Derived from the canonical URL, or for a saved page with no URL from its content.',
    },
    source: sourceRefV1Schema,
    url: {
      ...nullableUri,
      description:
        'The URL the document was fetched from; null for a saved page whose address is unknown.',
    },
    fetchedAt: { ...timestamp, description: 'ISO 8601 UTC.' },
    httpStatus: {
      type: ['integer', 'null'],
      minimum: 100,
      maximum: 599,
      description: 'HTTP status; null when the document did not come over HTTP (a file on disk).',
    },
    contentType: nullableString,
    charset: {
      ...nonEmptyString,
      description: 'The charset the bytes were decoded from (e.g. "utf-8", "windows-1252").',
    },
    format: { type: 'string', enum: documentFormats },
    body: {
      type: 'string',
      description: 'The document decoded to text: HTML, plain text or JSON.',
    },
    hints: feedHintsV1Schema,
  },
} as const;
