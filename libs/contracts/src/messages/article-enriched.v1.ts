import type { ArticleParsedV1 } from './article-parsed.v1';

/** Where in the article a piece of text stands. */
export type TextZoneV1 = 'title' | 'lead' | 'body';

/** One place in the text that pointed at a country. */
export interface EvidenceSpanV1 {
  /** As written: "Moscow", "Qatari", "Putin". */
  text: string;
  zone: TextZoneV1;
  /** For `body`, the index of the paragraph in `paragraphs`; 0 for the title and the lead. */
  paragraph: number;
  /** Character offsets of `text` in that title, lead or paragraph (UTF-16, end exclusive). */
  start: number;
  end: number;
}

export interface CountryTagV1 {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** How many times the text points at the country (names, demonyms, places within it). */
  mentions: number;
  /** 0..1: how central the country is to the article; the list is sorted by it, highest first. */
  salience: number;
  /** The surface forms that pointed at the country, e.g. ["Moscow", "Russian", "Kremlin"]. */
  evidence: string[];
  /**
   * The story is about this country, as opposed to mentioning it. Optional for messages from
   * enrichers before it existed; the current enricher always sets it.
   */
  focus?: boolean;
  /** The zones it was found in, in reading order. */
  foundIn?: TextZoneV1[];
  /** The first 200 mentions in reading order, with their offsets; `mentions` counts them all. */
  spans?: EvidenceSpanV1[];
  /**
   * 0..1: how sure the enricher is that the article names a place in this country, from its
   * evidence (independent mentions, zones, how ambiguous the names are), so that a caller can
   * set a threshold. Optional for messages from enrichers before it existed.
   */
  confidence?: number;
}

export interface TopicTagV1 {
  /** IPTC Media Topics code, e.g. "medtop:11000000". */
  code: string;
  label: string;
  /** 0..1. */
  score: number;
  /**
   * 1 for the 17 top-level topics, 2 for the narrower ones under them. Optional for messages
   * from enrichers before it existed; the current enricher always sets it.
   */
  level?: number;
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
