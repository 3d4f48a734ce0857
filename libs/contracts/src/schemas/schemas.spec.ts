import type {
  ArticleEnrichedV1,
  CountryTagV1,
  EntityKind,
  EvidenceSpanV1,
  TextZoneV1,
  EntityV1,
  TopicTagV1,
} from '../messages/article-enriched.v1';
import type {
  ArticleFetchedV1,
  DocumentFormat,
  FeedHintsV1,
  SourceKind,
  SourceRefV1,
} from '../messages/article-fetched.v1';
import type {
  ArticleImageV1,
  ArticleParsedV1,
  ArticleProvenanceV1,
} from '../messages/article-parsed.v1';
import type { DeadLetterReason, DeadLetterV1 } from '../messages/dead-letter.v1';
import { ALL_TOPICS } from '../topics';
import {
  articleEnrichedV1Schema,
  countryTagV1Schema,
  entityKinds,
  evidenceSpanV1Schema,
  textZones,
  entityV1Schema,
  topicTagV1Schema,
} from './article-enriched.v1.schema';
import {
  articleFetchedV1Schema,
  documentFormats,
  feedHintsV1Schema,
  sourceKinds,
  sourceRefV1Schema,
} from './article-fetched.v1.schema';
import {
  articleImageV1Schema,
  articleParsedV1Schema,
  articleProvenanceV1Schema,
} from './article-parsed.v1.schema';
import { deadLetterReasons, deadLetterV1Schema } from './dead-letter.v1.schema';
import { topicSchemas } from './topic-schemas';

// Compile-time guards: the types are derived from the schemas (json-schema-to-ts); these lines
// stop compiling if a derivation ever loses a field or gets a field's optionality wrong.
type Equal<A, B> =
  (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type RequiredKeys<T> = {
  [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K;
}[keyof T];
type RequiredOf<S> = S extends { required: readonly (infer R)[] } ? R : never;
type Mirrors<S extends { properties: object }, T> =
  Equal<keyof S['properties'], keyof T> extends true
    ? Equal<RequiredOf<S>, RequiredKeys<T>>
    : false;

describe('message schemas', () => {
  it('declare every field of their interface, and require exactly the non-optional ones', () => {
    const mirrored: true[] = [
      true satisfies Mirrors<typeof articleFetchedV1Schema, ArticleFetchedV1>,
      true satisfies Mirrors<typeof sourceRefV1Schema, SourceRefV1>,
      true satisfies Mirrors<typeof feedHintsV1Schema, FeedHintsV1>,
      true satisfies Mirrors<typeof articleParsedV1Schema, ArticleParsedV1>,
      true satisfies Mirrors<typeof articleImageV1Schema, ArticleImageV1>,
      true satisfies Mirrors<typeof articleProvenanceV1Schema, ArticleProvenanceV1>,
      true satisfies Mirrors<typeof articleEnrichedV1Schema, ArticleEnrichedV1>,
      true satisfies Mirrors<typeof countryTagV1Schema, CountryTagV1>,
      true satisfies Mirrors<typeof evidenceSpanV1Schema, EvidenceSpanV1>,
      true satisfies Mirrors<typeof topicTagV1Schema, TopicTagV1>,
      true satisfies Mirrors<typeof entityV1Schema, EntityV1>,
      true satisfies Mirrors<typeof deadLetterV1Schema, DeadLetterV1>,
      true satisfies Mirrors<typeof deadLetterV1Schema.properties.error, DeadLetterV1['error']>,
    ];
    expect(mirrored).not.toContain(false);
  });

  it('list exactly the values of each enumerated type', () => {
    const enums: true[] = [
      true satisfies Equal<(typeof sourceKinds)[number], SourceKind>,
      true satisfies Equal<(typeof documentFormats)[number], DocumentFormat>,
      true satisfies Equal<(typeof entityKinds)[number], EntityKind>,
      true satisfies Equal<(typeof textZones)[number], TextZoneV1>,
      true satisfies Equal<(typeof deadLetterReasons)[number], DeadLetterReason>,
    ];
    expect(enums).not.toContain(false);
  });

  it('give every topic a schema, and every dead-letter topic DeadLetterV1', () => {
    expect(Object.keys(topicSchemas).sort()).toEqual([...ALL_TOPICS].sort());
    for (const topic of ALL_TOPICS.filter((t) => t.endsWith('.dlq'))) {
      expect(topicSchemas[topic]).toBe(deadLetterV1Schema);
    }
  });

  it('close every object to unknown properties', () => {
    const open: string[] = [];
    const walk = (schema: unknown, path: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as Record<string, unknown>;
      if (
        node['type'] === 'object' &&
        node['properties'] &&
        node['additionalProperties'] !== false
      ) {
        open.push(path);
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`);
    };
    for (const [topic, schema] of Object.entries(topicSchemas)) walk(schema, topic);
    expect(open).toEqual([]);
  });
});
