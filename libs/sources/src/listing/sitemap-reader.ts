import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError } from './feed-error';
import { absoluteUrl, distinct, isoDate, plainText, withoutBom } from './feed-text';

export interface SitemapNews {
  title?: string;
  publishedAt?: string;
  language?: string;
  keywords?: string[];
}

export interface SitemapEntry {
  /** Absolute and normalized: an article page in a urlset, a child sitemap in an index. */
  url: string;
  /** `<lastmod>` as ISO 8601 UTC. */
  lastModified?: string;
  /** Google News `<news:news>`, when the entry has it. */
  news?: SitemapNews;
}

export interface Sitemap {
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Prefixes vary between publishers ("news:", "n:"); the local names are what the protocol fixes.
  removeNSPrefix: true,
  // Values stay strings: a news title such as "2024" must not become a number.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/**
 * A sitemap (`<urlset>`) or sitemap index (`<sitemapindex>`), with Google News fields where
 * present. Entries without a usable http(s) `<loc>` are left out. Throws FeedError, and only
 * FeedError, when the body is not well-formed XML or not a sitemap.
 */
export function readSitemap(body: string, baseUrl: string): Sitemap {
  const xml = withoutBom(body).trim();
  // fast-xml-parser reads broken XML without complaint; validating first is how it reports errors.
  const valid =
    xml === '' ? { err: { msg: 'empty document', line: 1 } } : XMLValidator.validate(xml);
  if (valid !== true)
    throw new FeedError(
      `not a readable sitemap at ${baseUrl}: ${valid.err.msg} (line ${valid.err.line})`,
    );
  let root: Record<string, unknown>;
  try {
    root = asRecord(parser.parse(xml));
  } catch (error) {
    throw new FeedError(`not a readable sitemap at ${baseUrl}: ${String(error)}`, { cause: error });
  }
  if ('urlset' in root)
    return { kind: 'urlset', entries: entries(asRecord(root.urlset).url, baseUrl) };
  if ('sitemapindex' in root)
    return { kind: 'index', entries: entries(asRecord(root.sitemapindex).sitemap, baseUrl) };
  const found = Object.keys(root).filter((k) => !k.startsWith('?'));
  throw new FeedError(
    `not a sitemap at ${baseUrl}: root element is <${found[0] ?? 'none'}>, expected <urlset> or <sitemapindex>`,
  );
}

function entries(nodes: unknown, baseUrl: string): SitemapEntry[] {
  const result: SitemapEntry[] = [];
  for (const node of Array.isArray(nodes) ? nodes : []) {
    const fields = asRecord(node);
    const url = absoluteUrl(text(fields.loc), baseUrl);
    if (url === undefined) continue;
    const entry: SitemapEntry = { url };
    const lastModified = isoDate(text(fields.lastmod));
    if (lastModified) entry.lastModified = lastModified;
    const news = newsOf(fields.news);
    if (news) entry.news = news;
    result.push(entry);
  }
  return result;
}

function newsOf(node: unknown): SitemapNews | undefined {
  if (node === undefined) return undefined;
  const fields = asRecord(node);
  const news: SitemapNews = {};
  const title = plainText(text(fields.title));
  if (title) news.title = title;
  const publishedAt = isoDate(text(fields.publication_date));
  if (publishedAt) news.publishedAt = publishedAt;
  const language = text(asRecord(fields.publication).language);
  if (language) news.language = language;
  const keywords = distinct((text(fields.keywords) ?? '').split(','));
  if (keywords.length > 0) news.keywords = keywords;
  return Object.keys(news).length > 0 ? news : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A leaf's text; an element repeated by mistake counts by its first occurrence. */
function text(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || undefined;
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  return undefined;
}
