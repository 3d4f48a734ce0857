import type { ArticleParsedV1 } from './article-parsed.v1';

export interface CountryTagV1 {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** How many times the text points at the country (names, demonyms, places within it). */
  mentions: number;
  /** 0..1: how central the country is to the article; the list is sorted by it, highest first. */
  salience: number;
  /** The surface forms that pointed at the country, e.g. ["Moscow", "Russian", "Kremlin"]. */
  evidence: string[];
}

export interface TopicTagV1 {
  /** IPTC Media Topics code, e.g. "medtop:11000000". */
  code: string;
  label: string;
  /** 0..1. */
  score: number;
}

export type EntityKind = 'person' | 'organisation' | 'place';

export interface EntityV1 {
  kind: EntityKind;
  /** The canonical name, e.g. "Tamim bin Hamad Al Thani". */
  name: string;
  /** Every way the text wrote it, e.g. ["Tamim bin Hamad Al Thani", "Tamim Benhamad Al Thani"]. */
  surfaceForms: string[];
  mentions: number;
}

/** The parsed article plus tags: news.article.enriched.v1, keyed by `id`. */
export interface ArticleEnrichedV1 extends Omit<ArticleParsedV1, 'schemaVersion'> {
  schemaVersion: 1;
  countries: CountryTagV1[];
  topics: TopicTagV1[];
  entities: EntityV1[];
  enricherVersion: string;
}
