import { createHash } from 'node:crypto';
import type { ArticleFetchedV1, ArticleImageV1, ArticleParsedV1 } from '@newsflow/contracts';
import type { ArticleDraft, DraftContext } from './article-draft';
import { ExtractionError } from './extraction.error';
import { extractHtml } from './html/html.extractor';
import { extractJsonArticle } from './json/json-article.extractor';
import { PARSER_VERSION } from './parser-version';
import { extractSavedText } from './saved-text/saved-text.extractor';
import { parseDate } from './text/date-parser';
import { detectLanguage } from './text/language-detector';
import { normalizeText, sameText, uniqueParagraphs } from './text/text-normalizer';
import { absoluteUrl } from './text/url';
import { countWords } from './text/word-counter';

export interface ExtractOptions {
  /** The reference for relative dates in the page ("3 hours ago"); defaults to the clock. */
  now?: Date;
}

/**
 * Turns a fetched document into a structured article. Pure: no network, no clock unless `now`
 * is left out. Throws ExtractionError when the document holds no article: the caller should
 * dead-letter it, since extracting again gives the same answer.
 *
 * The document's own metadata comes first; the feed's hints (`doc.hints`) only fill what the
 * document does not say.
 */
export function extractArticle(
  doc: ArticleFetchedV1,
  options: ExtractOptions = {},
): ArticleParsedV1 {
  if (doc.body.trim() === '') {
    throw new ExtractionError('empty-document', `document ${doc.id} has an empty body`);
  }
  const context: DraftContext = { baseUrl: doc.url, now: options.now ?? new Date() };
  const draft = extractDraft(doc, context);

  const paragraphs = uniqueParagraphs(draft.paragraphs);
  if (paragraphs.length === 0) {
    throw new ExtractionError('no-article-text', `document ${doc.id} has no article text`);
  }
  const bodyText = paragraphs.join('\n\n');
  const hints = doc.hints ?? {};
  const title = clean(draft.title) ?? clean(hints.title) ?? '';
  const canonicalUrl = absoluteUrl(draft.canonicalUrl, doc.url) ?? doc.url;

  return {
    schemaVersion: 1,
    id: doc.id,
    url: doc.url,
    canonicalUrl,
    source: doc.source,
    title,
    lead: clean(draft.lead) ?? clean(hints.summary),
    paragraphs,
    bodyText,
    authors: uniqueStrings(draft.authors.length > 0 ? draft.authors : (hints.authors ?? [])),
    publishedAt: draft.publishedAt ?? parseDate(hints.publishedAt, context.now),
    updatedAt: draft.updatedAt ?? parseDate(hints.updatedAt, context.now),
    language: detectLanguage(paragraphs, draft.declaredLanguage ?? hints.language),
    siteName: clean(draft.siteName),
    section: clean(draft.section) ?? clean(hints.categories?.[0]),
    keywords: uniqueStrings(draft.keywords.length > 0 ? draft.keywords : (hints.categories ?? [])),
    images: cleanImages(draft.images, canonicalUrl),
    contentHash: createHash('sha256').update(bodyText, 'utf8').digest('hex'),
    wordCount: countWords(bodyText),
    parserVersion: PARSER_VERSION,
  };
}

function extractDraft(doc: ArticleFetchedV1, context: DraftContext): ArticleDraft {
  const format: string = doc.format;
  switch (doc.format) {
    case 'html':
      return extractHtml(doc.body, context);
    case 'text':
      return extractSavedText(doc.body, context);
    case 'json':
      return extractJsonArticle(doc.body, context);
  }
  // The type allows no other value, but a message from an older or newer producer may carry one.
  throw new ExtractionError('unsupported-format', `document ${doc.id} has format "${format}"`);
}

function clean(text: string | null | undefined): string | null {
  const normalized = text == null ? '' : normalizeText(text);
  return normalized === '' ? null : normalized;
}

/** Normalised, without empties, each once (case-insensitively), first spelling kept. */
function uniqueStrings(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.flatMap((value) => {
    const text = clean(value);
    if (text === null || seen.has(text.toLowerCase())) return [];
    seen.add(text.toLowerCase());
    return [text];
  });
}

/** Absolute URLs only (the contract's `uri`); an image with neither URL nor caption says nothing. */
function cleanImages(images: readonly ArticleImageV1[], base: string | null): ArticleImageV1[] {
  const result: ArticleImageV1[] = [];
  for (const image of images) {
    const cleaned = {
      url: absoluteUrl(image.url, base),
      caption: clean(image.caption),
      credit: clean(image.credit),
    };
    if (cleaned.url === null && cleaned.caption === null) continue;
    const same = result.find(
      (other) =>
        (cleaned.url !== null && other.url === cleaned.url) ||
        (cleaned.url === null && sameText(other.caption, cleaned.caption)),
    );
    if (same) {
      same.caption ??= cleaned.caption;
      same.credit ??= cleaned.credit;
    } else {
      result.push(cleaned);
    }
  }
  return result;
}
