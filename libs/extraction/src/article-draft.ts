import type { ArticleImageV1 } from '@newsflow/contracts';

/**
 * What one document format yields before the fields every format shares (id, hash, word count,
 * language detection, feed hints) are added. Null means the document does not say.
 */
export interface ArticleDraft {
  title: string | null;
  lead: string | null;
  /** In reading order; the assembler normalises them and drops repeats. */
  paragraphs: string[];
  authors: string[];
  /** ISO 8601 UTC. */
  publishedAt: string | null;
  updatedAt: string | null;
  /** What the document says its language is (`<html lang>`, og:locale), not yet checked. */
  declaredLanguage: string | null;
  siteName: string | null;
  section: string | null;
  keywords: string[];
  images: ArticleImageV1[];
  /** As written in the document; may be relative. */
  canonicalUrl: string | null;
}

/** Options every format extractor receives. */
export interface DraftContext {
  /** The address the document came from, to resolve relative links against. */
  baseUrl: string | null;
  /** The reference for relative dates ("3 hours ago"). */
  now: Date;
}

export function emptyDraft(): ArticleDraft {
  return {
    title: null,
    lead: null,
    paragraphs: [],
    authors: [],
    publishedAt: null,
    updatedAt: null,
    declaredLanguage: null,
    siteName: null,
    section: null,
    keywords: [],
    images: [],
    canonicalUrl: null,
  };
}
