import type { ArticleEnrichedV1 } from '../messages/article-enriched.v1';

/** One content version of an article. */
export interface ArticleRevision {
  revision: number;
  contentHash: string;
  title: string;
  lead: string | null;
  paragraphs: string[];
  publishedAt: string | null;
  updatedAt: string | null;
  storedAt: string;
}

/** What the store keeps beside the message: its place in the write order and its history. */
export interface StoredArticleInfo {
  ingestSeq: string;
  revision: number;
  firstStoredAt: string;
  lastStoredAt: string;
}

/**
 * `GET /articles/:id`: the article as last stored, the store's facts about it and its content
 * versions (oldest first), all read from one snapshot, so `stored.revision` is the last
 * revision's number and `article` is its content.
 */
export interface ArticleWithHistory {
  article: ArticleEnrichedV1;
  stored: StoredArticleInfo;
  revisions: ArticleRevision[];
}
