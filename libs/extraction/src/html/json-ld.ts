import type { ArticleImageV1 } from '@newsflow/contracts';
import type { Document } from 'domhandler';
import { textContent } from 'domutils';
import { normalizeText } from '../text/text-normalizer';
import { attribute, elementsNamed } from './dom';

/** The fields of a schema.org article that the extractor uses, as plain values. */
export interface JsonLdArticle {
  headline: string | null;
  description: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisherName: string | null;
  images: ArticleImageV1[];
  sections: string[];
  keywords: string[];
  url: string | null;
  inLanguage: string | null;
  articleBody: string | null;
}

type JsonObject = Record<string, unknown>;

/**
 * schema.org types that are articles: Article and its news kinds (NewsArticle,
 * ReportageNewsArticle, AnalysisNewsArticle, OpinionNewsArticle…), blog posts and reports.
 */
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report)$/;

/** Whether a schema.org type name (without its namespace) is an article type. */
export function isArticleType(type: string): boolean {
  return ARTICLE_TYPE.test(type);
}

/**
 * The first article described by the page's JSON-LD (`<script type="application/ld+json">`), at
 * the top level, in an array or in an `@graph`, or as the `mainEntity` of a WebPage. References
 * by `@id` (a Yoast graph's `"author": {"@id": "…#/schema/person/1"}`) are followed. Null when
 * no script describes an article. A script that is not valid JSON is skipped.
 */
export function readJsonLdArticle(document: Document): JsonLdArticle | null {
  const nodes = elementsNamed(document, 'script')
    .filter((script) => attribute(script, 'type')?.toLowerCase() === 'application/ld+json')
    .flatMap((script) => flattenNodes(parseJson(textContent(script))));
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = text(node['@id']);
    if (id !== null && !byId.has(id)) byId.set(id, node);
  }
  const article = nodes.find((node) => types(node).some(isArticleType));
  if (!article) return null;

  const resolve = (value: unknown): unknown => {
    if (!isObject(value)) return value;
    const id = text(value['@id']);
    return id !== null && Object.keys(value).length === 1 ? (byId.get(id) ?? value) : value;
  };
  const names = (value: unknown, options: { orUrl?: boolean } = {}): string[] =>
    list(value).flatMap((item) => {
      const resolved = resolve(item);
      const url = options.orUrl && isObject(resolved) ? text(resolved['url']) : null;
      const name = isObject(resolved) ? (text(resolved['name']) ?? url) : text(resolved);
      return name === null ? [] : [name];
    });
  const mainEntityOfPage = resolve(article['mainEntityOfPage']);

  return {
    headline: text(article['headline']) ?? text(article['name']),
    description: text(article['description']),
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    dateModified: text(article['dateModified']),
    // A person given only by a profile URL still names someone: the author cleaner reads it.
    authors: names(article['author'], { orUrl: true }).concat(
      names(article['creator'], { orUrl: true }),
    ),
    publisherName: names(article['publisher'])[0] ?? null,
    images: list(article['image']).flatMap((item) => {
      const image = readImage(resolve(item));
      return image ? [image] : [];
    }),
    sections: list(article['articleSection']).flatMap((item) => splitList(text(item))),
    keywords: list(article['keywords']).flatMap((item) => splitList(text(item))),
    url:
      text(article['url']) ??
      (isObject(mainEntityOfPage) ? text(mainEntityOfPage['@id']) : text(mainEntityOfPage)),
    inLanguage: text(article['inLanguage']),
    articleBody: text(article['articleBody'], { keepLines: true }),
  };
}

function parseJson(source: string): unknown {
  // Pages wrap the JSON in comments or CDATA markers, and put raw line breaks inside strings,
  // which JSON does not allow; control characters become spaces, harmless between tokens.
  const cleaned = source
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)\s*$/, '')
    .replace(/[\u0000-\u001f]+/g, ' ')
    .trim()
    .replace(/;$/, '');
  try {
    return JSON.parse(cleaned) as unknown;
  } catch {
    return null;
  }
}

/**
 * Every object a JSON-LD value describes, in document order: arrays, `@graph` members and a
 * page's `mainEntity`. A walk with its own stack rather than recursion: JSON nests as deep as
 * its text allows (JSON.parse takes 100,000 levels), which would overflow the call stack.
 */
function flattenNodes(value: unknown): JsonObject[] {
  const nodes: JsonObject[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    // Pushed in reverse, so that the first of them is the next taken.
    if (Array.isArray(next)) {
      for (let index = next.length - 1; index >= 0; index -= 1) pending.push(next[index]);
    } else if (isObject(next)) {
      if (next['@graph'] === undefined) nodes.push(next);
      pending.push(next['mainEntity'], next['@graph']);
    }
  }
  return nodes;
}

/** `"NewsArticle"`, `["NewsArticle"]`, `"schema:NewsArticle"`, `"https://schema.org/NewsArticle"`. */
function types(node: JsonObject): string[] {
  return list(node['@type']).flatMap((type) => {
    const name = text(type);
    return name === null ? [] : [name.replace(/^.*[/:#]/, '')];
  });
}

function readImage(value: unknown): ArticleImageV1 | null {
  if (!isObject(value)) {
    const url = text(value);
    return url === null ? null : { url, caption: null, credit: null };
  }
  const url = text(value['url']) ?? text(value['contentUrl']);
  if (url === null) return null;
  const credit =
    text(value['creditText']) ??
    (isObject(value['copyrightHolder'])
      ? text(value['copyrightHolder']['name'])
      : text(value['copyrightHolder'])) ??
    text(value['copyrightNotice']);
  return { url, caption: text(value['caption']) ?? text(value['description']), credit };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A string (or number) value; `{"@value": …}` literals too, but one level only: a literal holds a
 * string, and a chain of them nested 100,000 deep would otherwise be followed to the end.
 */
function text(value: unknown, options: { keepLines?: boolean } = {}): string | null {
  const literal = isObject(value) ? value['@value'] : value;
  if (typeof literal !== 'string' && typeof literal !== 'number') return null;
  const raw = String(literal);
  const normalized = options.keepLines ? raw.trim() : normalizeText(raw);
  return normalized === '' ? null : normalized;
}

/** "politics, world" -> ["politics", "world"]. */
function splitList(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
