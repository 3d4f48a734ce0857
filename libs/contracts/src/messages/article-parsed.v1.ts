import type { SourceRefV1 } from './article-fetched.v1';

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
}
