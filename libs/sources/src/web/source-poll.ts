import { createHash } from 'node:crypto';
import type { ArticleFetchedV1, DocumentFormat, FeedHintsV1 } from '@newsflow/contracts';
import { articleIdFromUrl, normalizeUrl } from '../article-id';
import { readFeed } from '../feeds/feed-reader';
import { readSitemap } from '../feeds/sitemap-reader';
import type { SitemapEntry } from '../feeds/sitemap-reader';
import { readUrlList } from '../feeds/url-list-reader';
import type { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import type { HostGate } from './host-gate';
import { FetchError, fetchDocument } from './http-fetch';
import type { FetchResult, HopRunner } from './http-fetch';
import type { LookupAll } from './resolve-and-check';
import { MAX_ROBOTS_BYTES } from './robots';
import type { RobotsCache, RobotsFetcher } from './robots';

/** How a source is read; `auto` tells a feed or a sitemap from a page by its body. */
export type SourceReading = 'auto' | 'feed' | 'sitemap' | 'url-list' | 'web';

export interface SourceToPoll {
  id: string;
  url: string;
  kind: SourceReading;
  name: string;
  /** Validators of the copy of the source read last time. */
  etag: string | null;
  lastModified: string | null;
}

/** The manners every fetch keeps, shared by all the sources one fetcher polls. */
export interface Manners {
  /** Product, version and contact: `NewsflowBot/0.1 (+mailto:ops@example.org)`. */
  userAgent: string;
  policy: AddressPolicy;
  gate: HostGate;
  robots: RobotsCache;
  /** Default 5 MB (see fetchDocument). */
  maxBytes?: number;
  /** Per fetch. Default 30 s (see fetchDocument). */
  totalTimeoutMs?: number;
  /** Host name resolution; specs pass one so they never touch DNS. */
  resolve?: LookupAll;
  now?: () => Date;
}

/** What the fetcher remembers of a page it published or refused (see FetchedPagesRepository). */
export interface RememberedPage {
  articleId: string;
  contentHash: string;
  listedAt: Date | null;
  /** Why the page was not carried (too large), or null: it was published. */
  refused: string | null;
}

/** The fetcher's memory of published pages; the dry run passes one that knows nothing. */
export interface PageMemory {
  byUrl(urls: readonly string[]): Promise<Map<string, RememberedPage>>;
  byContentHash(hashes: readonly string[]): Promise<Map<string, RememberedPage>>;
}

export const NO_MEMORY: PageMemory = {
  byUrl: () => Promise.resolve(new Map()),
  byContentHash: () => Promise.resolve(new Map()),
};

/** A page of this poll, to remember: published, refused, or already held. */
export interface PageRecord {
  /** The normalised URL the source listed the page under. */
  url: string;
  articleId: string;
  /** Empty for a page refused before its body was had (over FETCH_MAX_BYTES). */
  contentHash: string;
  listedAt: Date | null;
  /** Why the page cannot be carried; it is not fetched again until its source dates it later. */
  refused: string | null;
}

/**
 * What became of a page handed over for publishing: published; refused for good (too large for
 * the topic); or dropped because the publisher stopped first (offered again next poll).
 */
export type PublishOutcome =
  | { status: 'published' }
  | { status: 'refused'; reason: string }
  | { status: 'dropped'; reason: string };

/**
 * Takes a page to publish. Resolves once the page is taken, so the poll fetches the next while
 * it is in flight and waits while the publisher is full (a broker away slows the poll instead of
 * piling pages up), with what became of the page to come.
 */
export type PublishPage = (
  message: ArticleFetchedV1,
) => Promise<{ outcome: Promise<PublishOutcome> }>;

/** A page that cannot be carried: over FETCH_MAX_BYTES, or too large for the topic as JSON. */
export interface RefusedPage {
  url: string;
  reason: string;
}

export interface SkippedPage {
  url: string;
  reason: string;
  /** A page that may be had later (a timeout, a 503); not robots, the address policy or a 404. */
  retryable: boolean;
}

export type SourcePoll =
  | { kind: 'not-modified' }
  | {
      kind: 'polled';
      /** Null when this copy must not be reused: some listed pages are still to be fetched. */
      etag: string | null;
      lastModified: string | null;
      /** Pages listed by the source (a plain page lists itself). */
      listed: number;
      /** New pages and updated ones that were published. */
      published: number;
      refused: RefusedPage[];
      /** Pages handed over but not sent because the publisher stopped: fetched again next poll. */
      dropped: number;
      /** The pages to remember: published, refused, and fetched copies the memory had already. */
      records: PageRecord[];
      skipped: SkippedPage[];
    };

interface ListedPage {
  url: string;
  hints?: FeedHintsV1;
  /** The date the source gives the page: updated, else published, else sitemap lastmod. */
  listedAt: Date | null;
}

type Fetched = Extract<FetchResult, { kind: 'ok' }>;

/**
 * One poll of a source: the source fetched with its validators (an unchanged one costs a 304),
 * its listed pages read (a feed's items, a sitemap's URLs with a sitemap index followed, a URL
 * list's lines; a plain page lists itself), and each page fetched with the manners (robots.txt,
 * address policy, per-host gate) unless the memory already holds it and the source does not date
 * it later. A fetched page goes to `publish` as soon as it is had, when it is new or its content
 * changed, and not when its content is one another URL already gave; the poll holds no page
 * beyond the one in hand. At most `maxPages` pages are fetched; the rest wait for the next poll,
 * and so the validators are not kept.
 *
 * Throws when the source itself cannot be had or read (FetchError, FetchRefusedError, FeedError,
 * or an Error for robots.txt); a page that cannot be had is a SkippedPage and the poll goes on.
 */
export async function pollSource(
  source: SourceToPoll,
  manners: Manners,
  memory: PageMemory,
  maxPages: number,
  publish: PublishPage,
): Promise<SourcePoll> {
  const fetched = await politeFetch(source.url, manners, {
    etag: source.etag ?? undefined,
    lastModified: source.lastModified ?? undefined,
  });
  if (fetched.kind === 'not-modified') return { kind: 'not-modified' };
  const kind = source.kind === 'auto' ? detectKind(fetched) : source.kind;
  const skipped: SkippedPage[] = [];
  const listed =
    kind === 'web'
      ? [{ url: normalizeUrl(fetched.url), listedAt: null }]
      : await listedPages(fetched, kind, manners, maxPages, skipped);

  const known = await memory.byUrl(listed.map((page) => page.url));
  // A plain page was fetched whole already (it changed, or there would have been a 304).
  const due = kind === 'web' ? listed : listed.filter((page) => isDue(page, known.get(page.url)));
  const now = manners.now ?? (() => new Date());
  const ref = { id: source.id, kind, name: source.name };

  const handedOver: { record: PageRecord; outcome: Promise<PublishOutcome> }[] = [];
  const records: PageRecord[] = [];
  const refused: RefusedPage[] = [];
  const hashesThisPoll = new Set<string>();
  for (const page of due.slice(0, maxPages)) {
    // A plain page source is its own page: no second request for it.
    const result =
      kind === 'web' ? { kind: 'ok' as const, result: fetched } : await tryFetch(page.url, manners);
    if (result.kind === 'refused') {
      refused.push({ url: page.url, reason: result.reason });
      records.push({
        url: page.url,
        articleId: articleIdFromUrl(page.url),
        contentHash: '',
        listedAt: page.listedAt,
        refused: result.reason,
      });
      continue;
    }
    if (result.kind === 'skipped') {
      skipped.push({ url: page.url, reason: result.reason, retryable: result.retryable });
      continue;
    }
    const message = toMessage(result.result, ref, now(), page.hints);
    const contentHash = hashContent(result.result.body);
    const record = {
      url: page.url,
      articleId: message.id,
      contentHash,
      listedAt: page.listedAt,
      refused: null,
    };
    const held = known.get(page.url);
    const unchanged =
      held !== undefined && held.refused === null && held.contentHash === contentHash;
    const duplicate =
      hashesThisPoll.has(contentHash) ||
      (!known.has(page.url) && (await memory.byContentHash([contentHash])).has(contentHash));
    hashesThisPoll.add(contentHash);
    if (unchanged || duplicate) records.push(record);
    else handedOver.push({ record, outcome: (await publish(message)).outcome });
  }

  let published = 0;
  let dropped = 0;
  for (const { record, outcome } of handedOver) {
    const result = await outcome;
    if (result.status === 'published') {
      published += 1;
      records.push(record);
    } else if (result.status === 'refused') {
      refused.push({ url: record.url, reason: result.reason });
      records.push({ ...record, refused: result.reason });
    } else {
      dropped += 1;
    }
  }

  const complete =
    due.length <= maxPages && dropped === 0 && skipped.every((page) => !page.retryable);
  return {
    kind: 'polled',
    etag: complete ? fetched.headers.etag : null,
    lastModified: complete ? fetched.headers.lastModified : null,
    listed: listed.length,
    published,
    refused,
    dropped,
    records,
    skipped,
  };
}

/** Fetched again only when the source dates the page later than the copy held. */
function isDue(page: ListedPage, known: RememberedPage | undefined): boolean {
  if (known === undefined) return true;
  if (page.listedAt === null) return false;
  return known.listedAt === null || page.listedAt.getTime() > known.listedAt.getTime();
}

/**
 * Whitespace-insensitive SHA-256 of the page: the same article served twice hashes the same
 * even when a template re-indents it. Pages that embed a per-request token hash differently;
 * they are only fetched again when their source dates them later, so that costs a re-publish at
 * most once per change the source announces.
 */
export function hashContent(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim()).digest('hex');
}

async function listedPages(
  fetched: Fetched,
  kind: Exclude<SourceReading, 'auto' | 'web'>,
  manners: Manners,
  maxPages: number,
  skipped: SkippedPage[],
): Promise<ListedPage[]> {
  if (kind === 'feed') {
    return readFeed(fetched.body, fetched.url).items.map((item) => ({
      url: item.url,
      hints: item.content === undefined ? item.hints : { ...item.hints, content: item.content },
      listedAt: dateOrNull(item.hints.updatedAt ?? item.hints.publishedAt),
    }));
  }
  if (kind === 'url-list') {
    return readUrlList(fetched.body).urls.map((url) => ({ url, listedAt: null }));
  }
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
  const sitemap = readSitemap(fetched.body, fetched.url);
  if (sitemap.kind === 'urlset') {
    // One by one: spread, a hostile sitemap of 500,000 URLs would overflow the call stack.
    for (const entry of sitemap.entries) pages.push(sitemapPage(entry));
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
  for (const child of newestFirst(sitemap.entries)) {
    if (pages.length >= walk.maxPages) break;
    if (new URL(child.url).hostname !== host) leave(child.url, 'on another host than its index');
    else if (walk.read.has(child.url)) leave(child.url, 'read already in this poll');
    else if (walk.fetches >= MAX_SITEMAPS_PER_POLL)
      leave(child.url, `past the ${MAX_SITEMAPS_PER_POLL} sitemaps a poll reads`);
    else await readChildSitemap(child.url, depth, walk, pages);
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

function skippedSitemap(url: string, reason: string): SkippedPage {
  return { url, reason, retryable: false };
}

function dateOrNull(iso: string | undefined): Date | null {
  if (iso === undefined) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** By what the body is, not only by its content type: feeds are often served as text/html. */
function detectKind(result: Fetched): 'feed' | 'sitemap' | 'web' {
  const head = result.body.slice(0, 2_000).trimStart();
  if (/<(?:urlset|sitemapindex)\b/.test(head)) return 'sitemap';
  if (
    /<(?:rss|feed|rdf:RDF)\b/.test(head) ||
    /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)
  ) {
    return 'feed';
  }
  return 'web';
}

export interface RobotsFetcherOptions {
  userAgent: string;
  policy: AddressPolicy;
  /** The per-host gate the pages go through: a robots.txt request keeps the host's gap too. */
  gate?: HostGate;
  /** FETCH_TIMEOUT_MS. Default 30 s (see fetchDocument). */
  totalTimeoutMs?: number;
  resolve?: LookupAll;
}

/**
 * A RobotsFetcher over fetchDocument, with the pages' address policy, gate and timeout, reading
 * the first MAX_ROBOTS_BYTES of the file and no more. An HTTP error answer gives its status (so
 * a 404 allows all and a 5xx disallows for a while), any other failure is one; a refusal of the
 * robots.txt URL's own host is thrown (see RobotsFetcher), a redirect to a refused one is a
 * failure.
 */
export function robotsFetcher(options: RobotsFetcherOptions): RobotsFetcher {
  const { gate } = options;
  return async (robotsUrl) => {
    let hops = 0;
    let ownRefusal: FetchRefusedError | undefined;
    const eachHop: HopRunner = async (url, request) => {
      const first = hops++ === 0;
      try {
        return await (gate === undefined ? request() : gate.run(url, request));
      } catch (error) {
        if (first && error instanceof FetchRefusedError) ownRefusal = error;
        throw error;
      }
    };
    try {
      const result = await fetchDocument(robotsUrl, {
        userAgent: options.userAgent,
        policy: options.policy,
        accept: 'text/plain',
        maxBytes: MAX_ROBOTS_BYTES,
        truncate: true,
        eachHop,
        ...(options.totalTimeoutMs !== undefined ? { totalTimeoutMs: options.totalTimeoutMs } : {}),
        ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
      });
      return result.kind === 'ok'
        ? { status: result.status, body: result.body }
        : { status: 304, body: '' };
    } catch (error) {
      if (error === ownRefusal) throw error;
      return error instanceof FetchError && error.status !== undefined
        ? { status: error.status, body: '' }
        : { error };
    }
  };
}

/** A source's id: derived from its normalised URL, as an article's is. */
export function sourceIdFromUrl(url: string): string {
  return articleIdFromUrl(url);
}

/**
 * One fetch with the manners, at every hop, redirects included: the address policy, the hop's
 * own robots.txt (a disallowed URL throws a FetchRefusedError), then the per-host gate with the
 * site's crawl-delay.
 */
function politeFetch(
  url: string,
  manners: Manners,
  validators: { etag?: string; lastModified?: string },
): Promise<FetchResult> {
  return fetchDocument(url, {
    userAgent: manners.userAgent,
    policy: manners.policy,
    ...validators,
    ...(manners.maxBytes !== undefined ? { maxBytes: manners.maxBytes } : {}),
    ...(manners.totalTimeoutMs !== undefined ? { totalTimeoutMs: manners.totalTimeoutMs } : {}),
    ...(manners.resolve !== undefined ? { resolve: manners.resolve } : {}),
    eachHop: (hopUrl, request) => politeHop(hopUrl, manners, request),
  });
}

async function politeHop<T>(url: string, manners: Manners, request: () => Promise<T>): Promise<T> {
  // The robots.txt fetch runs here, before the hop takes a place at the gate.
  const rules = await manners.robots.rulesFor(url);
  if (!rules.isAllowed(url)) {
    throw new FetchRefusedError('robots', url, 'disallowed by robots.txt');
  }
  return manners.gate.run(url, request, rules.crawlDelayMs());
}

type PageFetch =
  | { kind: 'ok'; result: Fetched }
  | { kind: 'refused'; reason: string }
  | { kind: 'skipped'; reason: string; retryable: boolean };

async function tryFetch(url: string, manners: Manners): Promise<PageFetch> {
  try {
    const result = await politeFetch(url, manners, {});
    // No validators were sent, so a 304 is the server's oddity: try again next time.
    if (result.kind !== 'ok') return { kind: 'skipped', reason: 'not modified', retryable: true };
    return { kind: 'ok', result };
  } catch (error) {
    // Over FETCH_MAX_BYTES: it will be as large next time. Refused, and not fetched again
    // until its source dates it later.
    if (error instanceof FetchError && error.code === 'too-large') {
      return { kind: 'refused', reason: reasonOf(error) };
    }
    return { kind: 'skipped', reason: reasonOf(error), retryable: isRetryable(error) };
  }
}

/** Refusals and client errors stay as they are; timeouts, 429, 5xx and network failures pass. */
function isRetryable(error: unknown): boolean {
  if (error instanceof FetchRefusedError) return false;
  if (error instanceof FetchError && error.code === 'http-status' && error.status !== undefined) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return !(
    error instanceof FetchError &&
    (error.code === 'too-large' || error.code === 'content-encoding')
  );
}

export function reasonOf(error: unknown): string {
  if (error instanceof FetchError && error.status !== undefined) {
    return `${error.code} ${error.status}`;
  }
  if (error instanceof FetchRefusedError && error.code === 'robots') {
    return 'disallowed by robots.txt';
  }
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

/** `<link rel="canonical" href="...">` in the page's head, as an absolute http(s) URL. */
function canonicalUrl(html: string, base: string): string | null {
  const start = html.slice(0, 100_000);
  const bodyAt = start.search(/<body[\s>]/i);
  const head = bodyAt === -1 ? start : start.slice(0, bodyAt);
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (!value) return null;
    try {
      const url = new URL(value.trim(), base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
    } catch {
      return null;
    }
  }
  return null;
}

function toMessage(
  result: Fetched,
  source: ArticleFetchedV1['source'],
  fetchedAt: Date,
  hints?: FeedHintsV1,
): ArticleFetchedV1 {
  const contentType = result.headers.contentType ?? null;
  const format = formatOf(contentType);
  // The id follows the page's canonical URL, so one story reached under two addresses is one id.
  const canonical = format === 'html' ? canonicalUrl(result.body, result.url) : null;
  return {
    schemaVersion: 1,
    id: articleIdFromUrl(canonical ?? result.url),
    source,
    url: result.url,
    fetchedAt: fetchedAt.toISOString(),
    httpStatus: result.status,
    contentType,
    charset: result.charset,
    format,
    body: result.body,
    ...(hints && Object.keys(hints).length > 0 ? { hints } : {}),
  };
}

function formatOf(contentType: string | null): DocumentFormat {
  if (contentType?.includes('json')) return 'json';
  if (contentType?.startsWith('text/plain')) return 'text';
  return 'html';
}
