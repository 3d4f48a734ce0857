import { createHash } from 'node:crypto';
import type {
  ArticleFetchedV1,
  ArticleImageV1,
  ArticleParsedV1,
  ArticleProvenanceV1,
  FeedHintsV1,
  ProvenanceField,
} from '@newsflow/contracts';
import { sourced } from './article-draft';
import type { ArticleDraft, DraftContext, Sourced } from './article-draft';
import { ExtractionError } from './extraction.error';
import { DEFAULT_LIMITS, Deadline, checkSize } from './limits';
import type { ExtractionLimits } from './limits';
import { extractHtml } from './html/html.extractor';
import { extractJsonArticle } from './json/json-article.extractor';
import { PARSER_VERSION } from './parser-version';
import { extractSavedText } from './saved-text/saved-text.extractor';
import { cleanAuthorNames } from './text/author-names';
import { parseDate } from './text/date-parser';
import { detectLanguage, primaryLanguage } from './text/language-detector';
import { comparisonKey, normalizeText, uniqueParagraphs } from './text/text-normalizer';
import { absoluteUrl } from './text/url';
import { countWords } from './text/word-counter';

export interface ExtractOptions {
  /**
   * The reference for relative dates in the page ("3 hours ago") and the latest date the article
   * may carry; defaults to the document's `fetchedAt`, so extracting again gives the same result.
   */
  now?: Date;
  /** Limits on size, nesting and time; each left out is taken from DEFAULT_LIMITS. */
  limits?: Partial<ExtractionLimits>;
  /** Milliseconds from any origin, for the time budget; `performance.now` unless given. */
  clock?: () => number;
}

/**
 * Turns a fetched document into a structured article. Pure: no network, no clock. Throws
 * ExtractionError when the document holds no article: the caller should dead-letter it, since
 * extracting again gives the same answer.
 *
 * Metadata: see assembleMetadata; `provenance` names the source of each field filled.
 */
export function extractArticle(
  doc: ArticleFetchedV1,
  options: ExtractOptions = {},
): ArticleParsedV1 {
  try {
    return extract(doc, options);
  } catch (error) {
    // The walks over a page's tree and its JSON are iterative or bounded by the depth limit; this
    // is the net under them. The same document overflows the stack again, so the failure is as
    // permanent as any ExtractionError, and must not be retried as a RangeError would be.
    if (error instanceof RangeError && error.message.includes('call stack')) {
      throw new ExtractionError('too-deep', `document ${doc.id} overflowed the call stack`, {
        cause: error,
      });
    }
    throw error;
  }
}

function extract(doc: ArticleFetchedV1, options: ExtractOptions): ArticleParsedV1 {
  if (doc.body.trim() === '') {
    throw new ExtractionError('empty-document', `document ${doc.id} has an empty body`);
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  checkSize(doc.body, limits);
  const deadline = new Deadline(limits.timeBudgetMs, options.clock);
  const context: DraftContext = {
    baseUrl: doc.url,
    now: options.now ?? new Date(doc.fetchedAt),
    maxDepth: limits.maxDepth,
    deadline,
  };
  const draft = extractDraft(doc, context);
  deadline.check('reading the document');

  let paragraphs = uniqueParagraphs(draft.paragraphs);
  // A page with no text of its own (built by scripts, behind a paywall) whose feed item carried
  // the body: the feed's copy stands in, labelled as such.
  const fromFeed = paragraphs.length === 0 && (doc.hints?.content ?? '').trim() !== '';
  if (fromFeed) {
    const feedBody = extractHtml(`<html><body>${doc.hints?.content ?? ''}</body></html>`, context);
    paragraphs = uniqueParagraphs(feedBody.paragraphs);
  }
  if (paragraphs.length === 0) {
    throw new ExtractionError('no-article-text', `document ${doc.id} has no article text`);
  }
  const bodyText = paragraphs.join('\n\n');
  const metadata = assembleMetadata(draft, doc, paragraphs, context.now);
  const images = cleanImages(draft.images, metadata.canonicalUrl);
  const provenance = { ...metadata.provenance };
  if (images.length > 0 && draft.provenance.leadImage) {
    provenance.leadImage = draft.provenance.leadImage;
  }
  if (fromFeed) provenance.body = 'feed';

  return {
    schemaVersion: 1,
    id: doc.id,
    url: doc.url,
    canonicalUrl: metadata.canonicalUrl,
    source: doc.source,
    title: metadata.title,
    lead: metadata.lead,
    paragraphs,
    bodyText,
    authors: metadata.authors,
    publishedAt: metadata.publishedAt,
    updatedAt: metadata.updatedAt,
    language: metadata.language,
    siteName: metadata.siteName,
    section: metadata.section,
    keywords: metadata.keywords,
    images,
    contentHash: createHash('sha256').update(bodyText, 'utf8').digest('hex'),
    wordCount: countWords(bodyText),
    parserVersion: PARSER_VERSION,
    provenance,
  };
}

type ArticleMetadata = Pick<
  ArticleParsedV1,
  Exclude<ProvenanceField, 'leadImage'> & keyof ArticleParsedV1
> & { provenance: ArticleProvenanceV1 };

/**
 * Page markup read by heuristics rather than stated for machines: a feed entry's hint for the
 * same field is more reliable than the first `<h1>` or `<time>` of a page.
 */
const HEURISTIC_SOURCES = new Set(['h1', 'title-tag', 'time-element', 'byline']);

/**
 * The article's metadata from the document's draft and the feed's hints (`doc.hints`, labelled
 * `feed`). The document comes first, in the order its format extractor gives (for HTML see
 * extractHtml), except that a feed hint beats a value the extractor found by heuristics (see
 * HEURISTIC_SOURCES). Beyond that:
 *
 * - authors are names only (see cleanAuthorNames), without the site's own name;
 * - an update earlier than the publication is dropped, as a template's or a CMS's error;
 * - the language is the detector's, labelled with the declaration's source when they agree and
 *   `detected` when the text overrules the declaration or there is none;
 * - without a canonical URL of its own, the article's is the fetched one (`fetched-url`).
 */
function assembleMetadata(
  draft: ArticleDraft,
  doc: ArticleFetchedV1,
  paragraphs: readonly string[],
  now: Date,
): ArticleMetadata {
  const hints: FeedHintsV1 = doc.hints ?? {};
  const fromDraft = <T>(field: ProvenanceField, value: T | null): Sourced<T> | null =>
    sourced(draft.provenance[field] ?? 'document', value);
  const siteName = fromDraft('siteName', clean(draft.siteName));
  const publishers = [siteName?.value];
  const authorsOf = (names: readonly string[]): string[] | null =>
    orNull(cleanAuthorNames(names, { publishers }));

  const fields = {
    title: prefer(fromDraft('title', clean(draft.title)), clean(hints.title)),
    lead: prefer(fromDraft('lead', clean(draft.lead)), clean(hints.summary)),
    authors: prefer(fromDraft('authors', authorsOf(draft.authors)), authorsOf(hints.authors ?? [])),
    publishedAt: prefer(
      fromDraft('publishedAt', draft.publishedAt),
      parseDate(hints.publishedAt, now),
    ),
    updatedAt: prefer(fromDraft('updatedAt', draft.updatedAt), parseDate(hints.updatedAt, now)),
    language: languageOf(
      paragraphs,
      prefer(fromDraft('language', draft.declaredLanguage), hints.language ?? null),
    ),
    siteName,
    section: prefer(fromDraft('section', clean(draft.section)), clean(hints.categories?.[0])),
    keywords: prefer(
      fromDraft('keywords', orNull(uniqueStrings(draft.keywords))),
      orNull(uniqueStrings(hints.categories ?? [])),
    ),
    canonicalUrl:
      fromDraft('canonicalUrl', absoluteUrl(draft.canonicalUrl, doc.url)) ??
      sourced('fetched-url', doc.url),
  };
  const { publishedAt, updatedAt } = fields;
  if (publishedAt && updatedAt && Date.parse(updatedAt.value) < Date.parse(publishedAt.value)) {
    fields.updatedAt = null;
  }

  const provenance: ArticleProvenanceV1 = {};
  for (const [field, found] of Object.entries(fields)) {
    if (found) provenance[field as ProvenanceField] = found.source;
  }
  return {
    title: fields.title?.value ?? '',
    lead: fields.lead?.value ?? null,
    authors: fields.authors?.value ?? [],
    publishedAt: fields.publishedAt?.value ?? null,
    updatedAt: fields.updatedAt?.value ?? null,
    language: fields.language?.value ?? null,
    siteName: fields.siteName?.value ?? null,
    section: fields.section?.value ?? null,
    keywords: fields.keywords?.value ?? [],
    canonicalUrl: fields.canonicalUrl?.value ?? null,
    provenance,
  };
}

/** The document's value, unless it was found by heuristics and the feed has one. */
function prefer<T>(fromDocument: Sourced<T> | null, fromFeed: T | null): Sourced<T> | null {
  const feed = sourced('feed', fromFeed);
  if (fromDocument === null) return feed;
  return feed !== null && HEURISTIC_SOURCES.has(fromDocument.source) ? feed : fromDocument;
}

function languageOf(
  paragraphs: readonly string[],
  declared: Sourced<string> | null,
): Sourced<string> | null {
  const language = detectLanguage(paragraphs, declared?.value);
  if (language === null) return null;
  const agrees = declared !== null && primaryLanguage(declared.value) === language;
  return { value: language, source: agrees ? declared.source : 'detected' };
}

function orNull<T>(values: T[]): T[] | null {
  return values.length > 0 ? values : null;
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

/**
 * Absolute URLs only (the contract's `uri`); an image with neither URL nor caption says nothing.
 * One image per URL, and an image without one joins the first with its caption. Both are found by
 * index: a page may hold a hundred thousand figures, and comparing each with every other took
 * minutes.
 */
function cleanImages(images: readonly ArticleImageV1[], base: string | null): ArticleImageV1[] {
  const result: ArticleImageV1[] = [];
  // Positions in `result`: of the first image with each URL, and with each caption's key.
  const byUrl = new Map<string, number>();
  const byCaption = new Map<string, number>();
  const noteCaption = (position: number): void => {
    const caption = result[position]?.caption;
    if (caption == null) return;
    const key = comparisonKey(caption);
    const known = byCaption.get(key);
    if (known === undefined || known > position) byCaption.set(key, position);
  };
  for (const image of images) {
    const cleaned = {
      url: absoluteUrl(image.url, base),
      caption: clean(image.caption),
      credit: clean(image.credit),
    };
    if (cleaned.url === null && cleaned.caption === null) continue;
    const position =
      cleaned.url !== null
        ? byUrl.get(cleaned.url)
        : byCaption.get(comparisonKey(cleaned.caption ?? ''));
    const same = position === undefined ? undefined : result[position];
    if (position !== undefined && same) {
      same.caption ??= cleaned.caption;
      same.credit ??= cleaned.credit;
      noteCaption(position);
    } else {
      result.push(cleaned);
      if (cleaned.url !== null) byUrl.set(cleaned.url, result.length - 1);
      noteCaption(result.length - 1);
    }
  }
  return result;
}
