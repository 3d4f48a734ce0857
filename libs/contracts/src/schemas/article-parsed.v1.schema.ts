import { sourceRefV1Schema } from './article-fetched.v1.schema';
import {
  JSON_SCHEMA_DIALECT,
  nonEmptyString,
  nonNegativeInteger,
  nullableString,
  nullableTimestamp,
  nullableUri,
  schemaVersion1,
  stringList,
} from './fields.schema';

// Closed objects: a field added to ArticleParsedV1 (even an optional one) must be added here too.
// article-enriched.v1.schema.ts reuses these properties, so an addition reaches both messages.

/** ArticleImageV1. */
export const articleImageV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'caption', 'credit'],
  properties: {
    url: nullableUri,
    caption: nullableString,
    credit: nullableString,
  },
} as const;

/** A provenance label: a lower-case word (`json-ld`), or one with a detail (`meta:parsely-pub-date`). */
const provenanceLabel = { type: 'string', pattern: '^[a-z][a-z0-9-]*(?::\\S+)?$' } as const;

/** ArticleProvenanceV1: every field optional, present only for fields the article fills. */
export const articleProvenanceV1Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: provenanceLabel,
    lead: provenanceLabel,
    authors: provenanceLabel,
    publishedAt: provenanceLabel,
    updatedAt: provenanceLabel,
    language: provenanceLabel,
    siteName: provenanceLabel,
    section: provenanceLabel,
    keywords: provenanceLabel,
    canonicalUrl: provenanceLabel,
    leadImage: provenanceLabel,
    body: provenanceLabel,
  },
} as const;

/** The fields of ArticleParsedV1, shared with ArticleEnrichedV1 (which extends it). */
export const articleParsedV1Properties = {
  schemaVersion: schemaVersion1,
  id: nonEmptyString,
  url: nullableUri,
  canonicalUrl: nullableUri,
  source: sourceRefV1Schema,
  title: { type: 'string' },
  lead: nullableString,
  paragraphs: stringList,
  bodyText: { type: 'string' },
  authors: stringList,
  publishedAt: nullableTimestamp,
  updatedAt: nullableTimestamp,
  /** BCP 47 primary language subtag only ("en", not "en-GB"). */
  language: { type: ['string', 'null'], pattern: '^[a-z]{2,3}$' },
  siteName: nullableString,
  section: nullableString,
  keywords: stringList,
  images: { type: 'array', items: articleImageV1Schema },
  /** SHA-256 of bodyText, lowercase hex. */
  contentHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  wordCount: nonNegativeInteger,
  parserVersion: nonEmptyString,
  /** Optional, so messages written before it was added stay valid. */
  provenance: articleProvenanceV1Schema,
} as const;

export const articleParsedV1Required = [
  'schemaVersion',
  'id',
  'url',
  'canonicalUrl',
  'source',
  'title',
  'lead',
  'paragraphs',
  'bodyText',
  'authors',
  'publishedAt',
  'updatedAt',
  'language',
  'siteName',
  'section',
  'keywords',
  'images',
  'contentHash',
  'wordCount',
  'parserVersion',
] as const;

/** ArticleParsedV1: news.article.parsed.v1. */
export const articleParsedV1Schema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: 'urn:newsflow:contracts:ArticleParsedV1',
  title: 'ArticleParsedV1',
  description: 'A structured article: news.article.parsed.v1, keyed by id.',
  type: 'object',
  additionalProperties: false,
  required: articleParsedV1Required,
  properties: articleParsedV1Properties,
} as const;
