import type { FromSchema } from 'json-schema-to-ts';
import type {
  articleEnrichedV1Schema,
  countryTagV1Schema,
  entityKinds,
  entityV1Schema,
  evidenceSpanV1Schema,
  textZones,
  topicTagV1Schema,
} from '../schemas/article-enriched.v1.schema';

// Derived from the JSON Schemas (json-schema-to-ts), where each field is documented.

/** Where in the article a piece of text stands. */
export type TextZoneV1 = (typeof textZones)[number];

/** One place in the text that pointed at a country. */
export type EvidenceSpanV1 = FromSchema<typeof evidenceSpanV1Schema>;

/** A country the article concerns: ISO 3166-1 alpha-2, mentions, salience and evidence. */
export type CountryTagV1 = FromSchema<typeof countryTagV1Schema>;

/** An IPTC Media Topic with its score. */
export type TopicTagV1 = FromSchema<typeof topicTagV1Schema>;

export type EntityKind = (typeof entityKinds)[number];

/** A person, organisation or place named in the article. */
export type EntityV1 = FromSchema<typeof entityV1Schema>;

/** The parsed article plus tags: news.article.enriched.v1, keyed by `id`. */
export type ArticleEnrichedV1 = FromSchema<typeof articleEnrichedV1Schema>;
