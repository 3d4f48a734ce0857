import type { FeedHintsV1 } from '@newsflow/contracts';
import { readFeed } from './feed-reader';
import type { FeedDocument } from './feed-reader';
import { readSitemap } from './sitemap-reader';
import type { SitemapEntry } from './sitemap-reader';
import { readUrlList } from './url-list-reader';
import type { UrlList } from './url-list-reader';

/** A page a source lists, with what the source says of it. */
export interface ListedPage {
  url: string;
  hints?: FeedHintsV1;
  /** The date the source gives the page: updated, else published, else sitemap lastmod. */
  listedAt: Date | null;
}

/** What a listing gives: the pages it lists, or (a sitemap index) the sitemaps to read next. */
export type Listing =
  | { kind: 'pages'; pages: ListedPage[] }
  | { kind: 'sitemap-index'; sitemaps: string[] };

/**
 * The pages a feed, a sitemap or a URL list lists; of a sitemap index, the URLs of its sitemaps,
 * newest first. Throws a FeedError when the body is not what `kind` says.
 */
export function readListing(
  kind: 'feed' | 'sitemap' | 'url-list',
  body: string,
  url: string,
): Listing {
  if (kind === 'feed') return { kind: 'pages', pages: feedPages(readFeed(body, url)) };
  if (kind === 'url-list') return { kind: 'pages', pages: urlListPages(readUrlList(body)) };
  const sitemap = readSitemap(body, url);
  if (sitemap.kind === 'index') {
    return {
      kind: 'sitemap-index',
      sitemaps: newestFirst(sitemap.entries).map((entry) => entry.url),
    };
  }
  const pages: ListedPage[] = [];
  // One by one: spread, a hostile sitemap of 500,000 URLs would overflow the call stack.
  for (const entry of sitemap.entries) pages.push(sitemapPage(entry));
  return { kind: 'pages', pages };
}

/** A feed's items, each with its hints (and the item's content, when the feed carries it). */
function feedPages(feed: FeedDocument): ListedPage[] {
  return feed.items.map((item) => ({
    url: item.url,
    hints: item.content === undefined ? item.hints : { ...item.hints, content: item.content },
    listedAt: dateOrNull(item.hints.updatedAt ?? item.hints.publishedAt),
  }));
}

function urlListPages(list: UrlList): ListedPage[] {
  return list.urls.map((url) => ({ url, listedAt: null }));
}

/** A sitemap entry, with its news extension as hints. */
function sitemapPage(entry: SitemapEntry): ListedPage {
  return {
    url: entry.url,
    hints: {
      ...(entry.news?.title ? { title: entry.news.title } : {}),
      ...(entry.news?.publishedAt ? { publishedAt: entry.news.publishedAt } : {}),
      ...(entry.news?.language ? { language: entry.news.language } : {}),
      ...(entry.news?.keywords?.length ? { categories: entry.news.keywords } : {}),
    },
    listedAt: dateOrNull(entry.lastModified ?? entry.news?.publishedAt),
  };
}

/** Dated entries newest first, then the undated ones in their order. */
function newestFirst(entries: SitemapEntry[]): SitemapEntry[] {
  const dated = entries.map((entry) => ({
    entry,
    time: dateOrNull(entry.lastModified)?.getTime() ?? Number.NEGATIVE_INFINITY,
  }));
  // Undated ones compare equal among themselves (-Infinity minus -Infinity is NaN: say 0).
  dated.sort((a, b) => (a.time === b.time ? 0 : b.time - a.time));
  return dated.map(({ entry }) => entry);
}

/** By what the body is, not only by its content type: feeds are often served as text/html. */
export function listingKindOf(body: string): 'feed' | 'sitemap' | 'web' {
  const head = body.slice(0, 2_000).trimStart();
  if (/<(?:urlset|sitemapindex)\b/.test(head)) return 'sitemap';
  if (
    /<(?:rss|feed|rdf:RDF)\b/.test(head) ||
    /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)
  ) {
    return 'feed';
  }
  return 'web';
}

function dateOrNull(iso: string | undefined): Date | null {
  if (iso === undefined) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
