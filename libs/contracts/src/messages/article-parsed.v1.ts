import type { SourceRefV1 } from './article-fetched.v1';

/**
 * Where each metadata field of an article came from, as a source label. A field the article
 * leaves empty (null, no items) has no entry. Labels:
 *
 * - from an HTML page: `json-ld`, `microdata`, `opengraph` (`og:*` and `article:*` tags),
 *   `twitter`, `meta:<name>` for any other `<meta>` (lower-cased, e.g. `meta:parsely-pub-date`),
 *   `time-element`, `byline` (author markup in the body), `h1`, `title-tag`, `html-lang`,
 *   `link-canonical`, `figure` (the first picture of the body);
 * - from the other formats: `saved-text`, `json`;
 * - from outside the document: `feed` (the feed entry's hints), `fetched-url` (the address the
 *   document was fetched from), `detected` (the language detected from the text, overruling or
 *   standing in for what the document declares).
 *
 * Consumers should treat an unknown label as "some other source": new ones may be added.
 */
export interface ArticleProvenanceV1 {
  title?: string;
  lead?: string;
  authors?: string;
  publishedAt?: string;
  updatedAt?: string;
  language?: string;
  siteName?: string;
  section?: string;
  keywords?: string;
  canonicalUrl?: string;
  /** Where the first of `images` came from. */
  leadImage?: string;
  /** Set only when the paragraphs are not the page's own: `feed` (the feed item's content). */
  body?: string;
}

/** The metadata fields labelled with their source; `body` is labelled apart, and only when set. */
export type ProvenanceField = Exclude<keyof ArticleProvenanceV1, 'body'>;

export interface ArticleImageV1 {
  url: string | null;
  caption: string | null;
  credit: string | null;
}

/** A structured article: news.article.parsed.v1, keyed by `id`. */
export interface ArticleParsedV1 {
  schemaVersion: 1;
  id: string;
  url: string | null;
  canonicalUrl: string | null;
  source: SourceRefV1;
  title: string;
  lead: string | null;
  /** The body, in reading order, each paragraph once. */
  paragraphs: string[];
  /** `paragraphs` joined by blank lines. */
  bodyText: string;
  authors: string[];
  /** ISO 8601 UTC, or null when the page does not say. */
  publishedAt: string | null;
  updatedAt: string | null;
  /** BCP 47 primary language subtag, e.g. "en". */
  language: string | null;
  siteName: string | null;
  section: string | null;
  keywords: string[];
  images: ArticleImageV1[];
  /** SHA-256 hex of `bodyText`: tells a changed article from a redelivered one. */
  contentHash: string;
  wordCount: number;
  parserVersion: string;
  /** Absent from messages written before it was added. */
  provenance?: ArticleProvenanceV1;
}
