/** Where an article came from. `id` is stable per configured source. */
export interface SourceRefV1 {
  id: string;
  kind: SourceKind;
  name: string;
}

export type SourceKind = 'folder' | 'feed' | 'sitemap' | 'url-list' | 'web';

export type DocumentFormat = 'html' | 'text' | 'json';

/**
 * Fields a feed or sitemap entry already told us about the article. The parser treats them as
 * one more metadata source (with provenance), never as the truth over the page.
 */
export interface FeedHintsV1 {
  title?: string;
  summary?: string;
  authors?: string[];
  publishedAt?: string;
  updatedAt?: string;
  language?: string;
  categories?: string[];
  /**
   * The article's body as the feed carries it (content:encoded, Atom content, JSON Feed
   * content_html), as HTML: the parser reads it when the page itself yields no article text.
   */
  content?: string;
}

/** A raw document as fetched: news.article.fetched.v1, keyed by `id`. */
export interface ArticleFetchedV1 {
  schemaVersion: 1;
  /** Derived from the canonical URL, or for a saved page with no URL from its content. */
  id: string;
  source: SourceRefV1;
  /** The URL the document was fetched from; null for a saved page whose address is unknown. */
  url: string | null;
  /** ISO 8601 UTC. */
  fetchedAt: string;
  /** HTTP status; null when the document did not come over HTTP (a file on disk). */
  httpStatus: number | null;
  contentType: string | null;
  /** The charset the bytes were decoded from (e.g. "utf-8", "windows-1252"). */
  charset: string;
  format: DocumentFormat;
  /** The document decoded to text: HTML, plain text or JSON. */
  body: string;
  hints?: FeedHintsV1;
}
