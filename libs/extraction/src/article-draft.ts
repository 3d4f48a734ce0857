import type { ArticleImageV1, ArticleProvenanceV1, ProvenanceField } from '@newsflow/contracts';
import type { Deadline } from './limits';

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
  /**
   * The source label of each field the draft fills (`declaredLanguage` under `language`, the
   * first image under `leadImage`). See ArticleProvenanceV1 for the labels.
   */
  provenance: ArticleProvenanceV1;
}

/** A value and the label of the source it was read from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** The value labelled with its source; null when there is no value (null, blank or empty). */
export function sourced<T>(source: string, value: T | null | undefined): Sourced<T> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return { value, source };
}

/** Options every format extractor receives. */
export interface DraftContext {
  /** The address the document came from, to resolve relative links against. */
  baseUrl: string | null;
  /** The reference for relative dates ("3 hours ago"): the time the document was fetched. */
  now: Date;
  /** Element nesting past which an HTML document is refused (see ExtractionLimits). */
  maxDepth?: number;
  /** Checked between stages; see Deadline. */
  deadline?: Deadline;
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
    provenance: {},
  };
}

/**
 * The draft with every field it fills labelled `source`: for formats whose fields all come from
 * one place (a saved page, a JSON export).
 */
export function fromOneSource(draft: ArticleDraft, source: string): ArticleDraft {
  const filled: Record<ProvenanceField, boolean> = {
    title: draft.title !== null,
    lead: draft.lead !== null,
    authors: draft.authors.length > 0,
    publishedAt: draft.publishedAt !== null,
    updatedAt: draft.updatedAt !== null,
    language: draft.declaredLanguage !== null,
    siteName: draft.siteName !== null,
    section: draft.section !== null,
    keywords: draft.keywords.length > 0,
    canonicalUrl: draft.canonicalUrl !== null,
    leadImage: draft.images.length > 0,
  };
  const provenance: ArticleProvenanceV1 = {};
  for (const [field, isFilled] of Object.entries(filled) as [ProvenanceField, boolean][]) {
    if (isFilled) provenance[field] = source;
  }
  return { ...draft, provenance };
}
