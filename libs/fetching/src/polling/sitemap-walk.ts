import { normalizeUrl, readListing } from '@newsflow/sources';
import type { ListedPage } from '@newsflow/sources';
import { politeFetch } from '../http/polite-fetch';
import type { Fetched, Manners } from '../http/polite-fetch';
import type { SkippedPage } from './poll-report';

/**
 * How deep sitemap indexes are followed: an index, an index it lists, and one more (3 levels).
 * The protocol allows one level; some sites nest one or two more, and nothing needs further.
 */
export const MAX_SITEMAP_INDEX_DEPTH = 3;

/**
 * Child sitemaps fetched in one poll, at most: 20. An index may list 50,000 of them; the newest
 * come first, and the pages a poll fetches (FETCH_MAX_PAGES_PER_POLL) are usually in the first.
 */
export const MAX_SITEMAPS_PER_POLL = 20;

/** One poll's walk through a sitemap index and the sitemaps it lists. */
interface SitemapWalk {
  manners: Manners;
  maxPages: number;
  skipped: SkippedPage[];
  /** Every sitemap read in this poll, so one listed again (itself, or in a cycle) is not. */
  read: Set<string>;
  /** Child sitemaps fetched so far. */
  fetches: number;
}

/**
 * The pages a fetched sitemap lists, following a sitemap index to its sitemaps until there are
 * `maxPages`; what is not read is said in `skipped`.
 */
export async function sitemapPages(
  fetched: Fetched,
  manners: Manners,
  maxPages: number,
  skipped: SkippedPage[],
): Promise<ListedPage[]> {
  const walk: SitemapWalk = {
    manners,
    maxPages,
    skipped,
    read: new Set([normalizeUrl(fetched.url)]),
    fetches: 0,
  };
  const pages: ListedPage[] = [];
  await readSitemapPages(fetched, 1, walk, pages);
  return pages;
}

/**
 * The pages of a sitemap, into `pages`; of an index, its sitemaps' pages in turn, newest first,
 * until there are enough. A child sitemap is read only on its index's host (the sitemaps.org
 * protocol's rule: a site speaks for itself only), only once in a poll, and at most
 * MAX_SITEMAPS_PER_POLL of them; an index nested deeper than MAX_SITEMAP_INDEX_DEPTH is not
 * followed. What is not read is said in `skipped`, for good.
 */
async function readSitemapPages(
  fetched: Fetched,
  depth: number,
  walk: SitemapWalk,
  pages: ListedPage[],
): Promise<void> {
  const listing = readListing('sitemap', fetched.body, fetched.url);
  if (listing.kind === 'pages') {
    // One by one: spread, a hostile sitemap of 500,000 URLs would overflow the call stack.
    for (const page of listing.pages) pages.push(page);
    return;
  }
  if (depth > MAX_SITEMAP_INDEX_DEPTH) {
    const reason = `sitemap index nested deeper than ${MAX_SITEMAP_INDEX_DEPTH} levels`;
    walk.skipped.push(skippedSitemap(fetched.url, reason));
    return;
  }
  const host = new URL(fetched.url).hostname;
  // Children left out are told per index and reason, naming the first: an index may list 50,000.
  const left = new Map<string, { first: string; count: number }>();
  const leave = (url: string, reason: string): void => {
    const earlier = left.get(reason);
    if (earlier === undefined) left.set(reason, { first: url, count: 1 });
    else earlier.count += 1;
  };
  for (const child of listing.sitemaps) {
    if (pages.length >= walk.maxPages) break;
    if (new URL(child).hostname !== host) leave(child, 'on another host than its index');
    else if (walk.read.has(child)) leave(child, 'read already in this poll');
    else if (walk.fetches >= MAX_SITEMAPS_PER_POLL)
      leave(child, `past the ${MAX_SITEMAPS_PER_POLL} sitemaps a poll reads`);
    else await readChildSitemap(child, depth, walk, pages);
  }
  for (const [reason, { first, count }] of left) {
    const more = count > 1 ? ` (and ${count - 1} more)` : '';
    walk.skipped.push(skippedSitemap(first, `sitemap ${reason}${more}`));
  }
}

async function readChildSitemap(
  url: string,
  depth: number,
  walk: SitemapWalk,
  pages: ListedPage[],
): Promise<void> {
  walk.read.add(url);
  walk.fetches += 1;
  const fetched = await politeFetch(url, walk.manners, {});
  if (fetched.kind !== 'ok') return;
  // A redirect may lead to a sitemap read already.
  const landed = normalizeUrl(fetched.url);
  if (landed !== url && walk.read.has(landed)) return;
  walk.read.add(landed);
  await readSitemapPages(fetched, depth + 1, walk, pages);
}

function skippedSitemap(url: string, reason: string): SkippedPage {
  return { url, reason, retryable: false };
}
