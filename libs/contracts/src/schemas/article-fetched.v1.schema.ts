import {
  JSON_SCHEMA_DIALECT,
  nonEmptyString,
  nullableString,
  nullableUri,
  schemaVersion1,
  stringList,
  timestamp,
} from './fields.schema';

// The schemas mirror the interfaces in ../messages field for field, and every V1 object is
// closed (`additionalProperties: false`): a field added to a V1 interface, even an optional one,
// must be added here too, or every message carrying it is rejected. schemas.spec.ts fails to
// compile when the two disagree on a field name.

export const sourceKinds = ['folder', 'feed', 'sitemap', 'url-list', 'web'] as const;

export const documentFormats = ['html', 'text', 'json'] as const;

/** SourceRefV1. */
export const sourceRefV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'name'],
  properties: {
    id: nonEmptyString,
    kind: { type: 'string', enum: sourceKinds },
    name: { type: 'string' },
  },
} as const;

/** FeedHintsV1: every field optional, as the feed or sitemap entry may say nothing. */
export const feedHintsV1Schema = {
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
    content: { type: 'string' },
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
    id: nonEmptyString,
    source: sourceRefV1Schema,
    url: nullableUri,
    fetchedAt: timestamp,
    httpStatus: { type: ['integer', 'null'], minimum: 100, maximum: 599 },
    contentType: nullableString,
    charset: nonEmptyString,
    format: { type: 'string', enum: documentFormats },
    body: { type: 'string' },
    hints: feedHintsV1Schema,
  },
} as const;
