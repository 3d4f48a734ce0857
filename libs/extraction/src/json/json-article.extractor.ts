import type { ArticleImageV1 } from '@newsflow/contracts';
import { emptyDraft, fromOneSource } from '../article-draft';
import type { ArticleDraft, DraftContext } from '../article-draft';
import { ExtractionError } from '../extraction.error';
import { parseHtml } from '../html/dom';
import { readBlocks } from '../html/main-content';
import { parseDate } from '../text/date-parser';

type JsonObject = Record<string, unknown>;

/**
 * Reads an article that was extracted elsewhere and saved as a JSON object (an export, a
 * scraper's output, a CMS API). Fields accepted, the first one present wins:
 *
 * | field | accepted names |
 * | --- | --- |
 * | title | `title`, `headline` |
 * | body | `paragraphs` (array of strings), `text`, `body`, `content`, `articleBody`: a string, or `{rendered}` as the WordPress API sends it; blank lines separate paragraphs (single line breaks when there are none), and a body that is HTML is read as HTML |
 * | lead | `lead`, `description`, `summary`, `excerpt` |
 * | URL | `canonicalUrl`, `url`, `link` |
 * | dates | `publishedAt`, `datePublished`, `published`, `pubDate`, `date`; `updatedAt`, `dateModified`, `modified`, `updated` |
 * | authors | `authors`, `author`, `byline`: a string, `{name}`, or an array of either |
 * | others | `language` or `lang`; `siteName` or `site`; `section` or `category`; `keywords` or `tags` (array or comma-separated); `images` (`[{url, caption, credit}]` or strings) or `image` |
 */
export function extractJsonArticle(body: string, context: DraftContext): ArticleDraft {
  const value = parseObject(body);
  const first = (...names: string[]): string | null => {
    for (const name of names) {
      const found = text(value[name]);
      if (found !== null) return found;
    }
    return null;
  };
  const listOf = (...names: string[]): unknown[] => {
    const name = names.find((candidate) => value[candidate] !== undefined);
    return name === undefined ? [] : list(value[name]);
  };

  const draft = emptyDraft();
  draft.title = first('title', 'headline');
  draft.lead = first('lead', 'description', 'summary', 'excerpt');
  draft.paragraphs = readParagraphs(value, context);
  draft.canonicalUrl = first('canonicalUrl', 'url', 'link');
  draft.publishedAt = parseDate(
    first('publishedAt', 'datePublished', 'published', 'pubDate', 'date'),
    context.now,
  );
  draft.updatedAt = parseDate(
    first('updatedAt', 'dateModified', 'modified', 'updated'),
    context.now,
  );
  draft.authors = listOf('authors', 'author', 'byline').flatMap((author) => {
    const name = isObject(author) ? text(author['name']) : text(author);
    return name === null ? [] : [name];
  });
  draft.declaredLanguage = first('language', 'lang');
  draft.siteName = first('siteName', 'site');
  draft.section = first('section', 'category');
  draft.keywords = listOf('keywords', 'tags').flatMap((keyword) =>
    (text(keyword) ?? '').split(',').map((item) => item.trim()),
  );
  draft.images = listOf('images', 'image').flatMap((image): ArticleImageV1[] => {
    if (!isObject(image)) {
      const url = text(image);
      return url === null ? [] : [{ url, caption: null, credit: null }];
    }
    return [
      { url: text(image['url']), caption: text(image['caption']), credit: text(image['credit']) },
    ];
  });
  return fromOneSource(draft, 'json');
}

function parseObject(body: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new ExtractionError('unsupported-format', 'the JSON document is not valid JSON', {
      cause: error,
    });
  }
  if (!isObject(value)) {
    throw new ExtractionError('unsupported-format', 'the JSON document is not an object');
  }
  return value;
}

function readParagraphs(value: JsonObject, context: DraftContext): string[] {
  if (Array.isArray(value['paragraphs'])) {
    return value['paragraphs'].flatMap((paragraph) => {
      const found = text(paragraph);
      return found === null ? [] : [found];
    });
  }
  for (const name of ['text', 'body', 'content', 'articleBody']) {
    const field = value[name];
    const body = text(isObject(field) ? field['rendered'] : field);
    if (body === null) continue;
    if (!looksLikeHtml(body)) return splitText(body);
    const document = parseHtml(body, context.maxDepth, context.deadline);
    return readBlocks(document, context.deadline);
  }
  return [];
}

/** Blank lines separate paragraphs; in text without any, each line is one. */
function splitText(body: string): string[] {
  return body.split(/\n\s*\n/.test(body) ? /\n\s*\n/ : /\n/);
}

function looksLikeHtml(body: string): boolean {
  return /<(?:p|div|br|h[1-6]|ul|ol|li|blockquote|article|section)[\s/>]/i.test(body);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}
