import { articleParsedV1Properties, articleParsedV1Required } from './article-parsed.v1.schema';
import {
  JSON_SCHEMA_DIALECT,
  nonEmptyString,
  positiveInteger,
  stringList,
  unitInterval,
} from './fields.schema';

// The parsed article's properties are spread in rather than combined with `allOf`: under
// draft-07, `additionalProperties: false` cannot see properties declared in another subschema,
// so a closed object has to list every property itself. A field added to ArticleEnrichedV1 (or
// to ArticleParsedV1), even an optional one, must be added here too.

export const entityKinds = ['person', 'organisation', 'place'] as const;

export const textZones = ['title', 'lead', 'body'] as const;

const nonNegativeInteger = { type: 'integer', minimum: 0 } as const;

/** EvidenceSpanV1. */
export const evidenceSpanV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'zone', 'paragraph', 'start', 'end'],
  properties: {
    text: nonEmptyString,
    zone: { type: 'string', enum: textZones },
    paragraph: nonNegativeInteger,
    start: nonNegativeInteger,
    end: nonNegativeInteger,
  },
} as const;

/** CountryTagV1. */
export const countryTagV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'mentions', 'salience', 'evidence'],
  properties: {
    /** ISO 3166-1 alpha-2, upper case. */
    code: { type: 'string', pattern: '^[A-Z]{2}$' },
    mentions: positiveInteger,
    salience: unitInterval,
    evidence: stringList,
    focus: { type: 'boolean' },
    foundIn: { type: 'array', items: { type: 'string', enum: textZones }, uniqueItems: true },
    spans: { type: 'array', items: evidenceSpanV1Schema },
    confidence: unitInterval,
  },
} as const;

/** TopicTagV1. */
export const topicTagV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'label', 'score'],
  properties: {
    /** IPTC Media Topics code. */
    code: { type: 'string', pattern: '^medtop:\\d{8}$' },
    label: { type: 'string' },
    score: unitInterval,
    level: { type: 'integer', minimum: 1, maximum: 5 },
  },
} as const;

/** EntityV1. */
export const entityV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'surfaceForms', 'mentions'],
  properties: {
    kind: { type: 'string', enum: entityKinds },
    name: nonEmptyString,
    surfaceForms: stringList,
    mentions: positiveInteger,
  },
} as const;

/** ArticleEnrichedV1: news.article.enriched.v1. */
export const articleEnrichedV1Schema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: 'urn:newsflow:contracts:ArticleEnrichedV1',
  title: 'ArticleEnrichedV1',
  description: 'The parsed article plus tags: news.article.enriched.v1, keyed by id.',
  type: 'object',
  additionalProperties: false,
  required: [...articleParsedV1Required, 'countries', 'topics', 'entities', 'enricherVersion'],
  properties: {
    ...articleParsedV1Properties,
    countries: { type: 'array', items: countryTagV1Schema },
    topics: { type: 'array', items: topicTagV1Schema },
    entities: { type: 'array', items: entityV1Schema },
    enricherVersion: nonEmptyString,
  },
} as const;
