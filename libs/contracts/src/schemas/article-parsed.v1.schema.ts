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

// Closed objects, and the one definition of ArticleParsedV1 (../messages derives the type).
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

/**
 * ArticleProvenanceV1: every field optional, present only for fields the article fills. The
 * labels are listed on the type in ../messages/article-parsed.v1.ts.
 */
export const articleProvenanceV1Schema = {
  description:
    'Where each metadata field of the article came from, as a source label; a field the article leaves empty has no entry. Treat an unknown label as "some other source": new ones may be added.',
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
    leadImage: { ...provenanceLabel, description: 'Where the first of `images` came from.' },
    body: {
      ...provenanceLabel,
      description:
        "Set only when the paragraphs are not the page's own: `feed` (the feed item's content).",
    },
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
  paragraphs: { ...stringList, description: 'The body, in reading order, each paragraph once.' },
  bodyText: { type: 'string', description: '`paragraphs` joined by blank lines.' },
  authors: stringList,
  publishedAt: {
    ...nullableTimestamp,
    description: 'ISO 8601 UTC, or null when the page does not say.',
  },
  updatedAt: nullableTimestamp,
  language: {
    type: ['string', 'null'],
    pattern: '^[a-z]{2,3}$',
    description: 'BCP 47 primary language subtag only ("en", not "en-GB").',
  },
  siteName: nullableString,
  section: nullableString,
  keywords: stringList,
  images: { type: 'array', items: articleImageV1Schema },
  contentHash: {
    type: 'string',
    pattern: '^[0-9a-f]{64}$',
    description:
      'SHA-256 of bodyText, lowercase hex: tells a changed article from a redelivered one.',
  },
  wordCount: nonNegativeInteger,
  parserVersion: nonEmptyString,
  // Optional, so messages written before it was added stay valid.
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
