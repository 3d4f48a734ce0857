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
// so a closed object has to list every property itself. This is the one definition of
// ArticleEnrichedV1: ../messages derives the type from it.

export const entityKinds = ['person', 'organisation', 'place'] as const;

export const textZones = ['title', 'lead', 'body'] as const;

const nonNegativeInteger = { type: 'integer', minimum: 0 } as const;

/** EvidenceSpanV1. */
export const evidenceSpanV1Schema = {
  description: 'One place in the text that pointed at a country.',
  type: 'object',
  additionalProperties: false,
  required: ['text', 'zone', 'paragraph', 'start', 'end'],
  properties: {
    text: { ...nonEmptyString, description: 'As written: "Moscow", "Qatari", "Putin".' },
    zone: { type: 'string', enum: textZones },
    paragraph: {
      ...nonNegativeInteger,
      description:
        'For body, the index of the paragraph in paragraphs; 0 for the title and the lead.',
    },
    start: {
      ...nonNegativeInteger,
      description:
        'Character offsets of text in that title, lead or paragraph (UTF-16, end exclusive).',
    },
    end: nonNegativeInteger,
  },
} as const;

/** CountryTagV1. */
export const countryTagV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'mentions', 'salience', 'evidence'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case.' },
    mentions: {
      ...positiveInteger,
      description:
        'How many times the text points at the country (names, demonyms, places within it).',
    },
    salience: {
      ...unitInterval,
      description:
        'How central the country is to the article; the list is sorted by it, highest first.',
    },
    evidence: {
      ...stringList,
      description:
        'The surface forms that pointed at the country, e.g. ["Moscow", "Russian", "Kremlin"].',
    },
    focus: {
      type: 'boolean',
      description:
        'The story is about this country, as opposed to mentioning it. Optional for messages from enrichers before it existed; the current enricher always sets it.',
    },
    foundIn: {
      type: 'array',
      items: { type: 'string', enum: textZones },
      uniqueItems: true,
      description: 'The zones it was found in, in reading order.',
    },
    spans: {
      type: 'array',
      items: evidenceSpanV1Schema,
      description:
        'The first 200 mentions in reading order, with their offsets; mentions counts them all.',
    },
    confidence: {
      ...unitInterval,
      description:
        'How sure the enricher is that the article names a place in this country, from its evidence (independent mentions, zones, how ambiguous the names are), so that a caller can set a threshold. Optional for messages from enrichers before it existed.',
    },
  },
} as const;

/** TopicTagV1. */
export const topicTagV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'label', 'score'],
  properties: {
    code: {
      type: 'string',
      pattern: '^medtop:\\d{8}$',
      description: 'IPTC Media Topics code, e.g. "medtop:11000000".',
    },
    label: { type: 'string' },
    score: unitInterval,
    level: {
      type: 'integer',
      minimum: 1,
      maximum: 5,
      description:
        '1 for the 17 top-level topics, 2 for the narrower ones under them. Optional for messages from enrichers before it existed; the current enricher always sets it.',
    },
  },
} as const;

/** EntityV1. */
export const entityV1Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'surfaceForms', 'mentions'],
  properties: {
    kind: { type: 'string', enum: entityKinds },
    name: {
      ...nonEmptyString,
      description: 'The canonical name, e.g. "Tamim bin Hamad Al Thani".',
    },
    surfaceForms: {
      ...stringList,
      description:
        'Every way the text wrote it, e.g. ["Tamim bin Hamad Al Thani", "Tamim Benhamad Al Thani"].',
    },
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
    storyId: {
      ...nonEmptyString,
      description:
        'The story the article belongs to: the id of the first article the enricher saw of the same text (syndicated copies, small edits, another headline or byline share one). Absent when the body has fewer than 50 words, and in messages from enrichers before stories existed.',
    },
    storySimilarity: {
      ...unitInterval,
      description:
        "Estimated Jaccard similarity of the article's word shingles to those of the story's first article (MinHash); 1 for that article itself. Present exactly when storyId is.",
    },
  },
  dependencies: { storyId: ['storySimilarity'], storySimilarity: ['storyId'] },
} as const;
