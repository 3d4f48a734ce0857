/**
 * The filters of `GET /articles` and `GET /stats` as the read model takes them, already checked
 * by the caller (dates parsed); every one optional.
 */
export interface ArticleFilters {
  /** ISO 3166-1 alpha-2: the article mentions the country. */
  country?: string;
  /** ISO 3166-1 alpha-2: the article is about the country (CountryTagV1.focus). */
  focusCountry?: string;
  /**
   * 0..1: `country` and `focusCountry` only match where the enricher's confidence in that
   * country is at least this. A country stored without a confidence (older enrichers) never
   * matches a threshold. Alone, it filters nothing: the caller pairs it with a country.
   */
  minConfidence?: number;
  /** IPTC Media Topics code, e.g. medtop:16000000. */
  topic?: string;
  language?: string;
  /** A source id (SourceRefV1.id). */
  source?: string;
  publishedFrom?: Date;
  publishedTo?: Date;
  /** When the article was first stored. */
  ingestedFrom?: Date;
  ingestedTo?: Date;
  /** Full text, in web search syntax: `peskov "gaza strip" -football`. */
  q?: string;
  /** A story id (ArticleEnrichedV1.storyId): the article and its syndicated copies. */
  story?: string;
}

export interface ArticlePageRequest extends ArticleFilters {
  /** The ingest sequence number of the last article already read; none for the start. */
  after?: string;
  limit: number;
}

/** One article as a page of `GET /articles` lists it. */
export interface ArticleSummary {
  id: string;
  url: string | null;
  title: string;
  lead: string | null;
  publishedAt: string | null;
  language: string | null;
  source: { id: string; kind: string; name: string };
  /** Highest salience first. */
  countries: {
    code: string;
    focus: boolean;
    salience: number;
    mentions: number;
    /** Null for countries stored from messages without one (older enrichers). */
    confidence: number | null;
  }[];
  topics: { code: string; label: string; score: number; level: number | null }[];
  /** The story of its syndicated copies (the first seen's id); null when it has none. */
  storyId: string | null;
  /** Estimated similarity to the story's first article; null without a story. */
  storySimilarity: number | null;
  /** Where the article stands in the store's write order: the cursor to page after it. */
  ingestSeq: string;
  revision: number;
  firstStoredAt: string;
  lastStoredAt: string;
}

/** `GET /articles`. */
export interface ArticlePage {
  items: ArticleSummary[];
  /**
   * The cursor to ask with next: the last item's ingest sequence number, or the one asked with
   * when the page is empty, so a client can keep polling from where it is.
   */
  nextCursor: string | null;
  /** More matching articles were already stored after this page. */
  hasMore: boolean;
}
