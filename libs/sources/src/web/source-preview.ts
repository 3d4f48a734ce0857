import type {
  ArticleFetchedV1,
  DocumentFormat,
  FeedHintsV1,
  SourceKind,
} from '@newsflow/contracts';
import { articleIdFromUrl } from '../article-id';
import { readFeed } from '../feeds/feed-reader';
import { readSitemap } from '../feeds/sitemap-reader';
import type { AddressPolicy } from './address-policy';
import type { HostGate } from './host-gate';
import { FetchError, fetchDocument } from './http-fetch';
import type { FetchResult } from './http-fetch';
import type { RobotsCache, RobotsFetcher } from './robots';

export interface PreviewOptions {
  /** Product, version and contact: `NewsflowBot/0.1 (+mailto:ops@example.org)`. */
  userAgent: string;
  policy: AddressPolicy;
  gate: HostGate;
  robots: RobotsCache;
  /** At most this many pages of a feed or sitemap are fetched. */
  limit: number;
  now?: () => Date;
}

export type PreviewLine =
  | { kind: 'article'; message: ArticleFetchedV1 }
  | { kind: 'skipped'; url: string; reason: string };

interface PageToFetch {
  url: string;
  hints?: FeedHintsV1;
}

/**
 * What a source gives right now, as fetched-article messages, without Kafka or Postgres: the
 * source is fetched; a feed's items or a sitemap's pages (a sitemap index's sitemaps followed)
 * are fetched in turn with the same manners as the fetcher (robots.txt, per-host gap, address
 * policy); any other document is one page itself. Pages that cannot be had are reported as
 * skipped lines with the reason, and the preview goes on.
 */
export async function* previewSource(
  sourceUrl: string,
  options: PreviewOptions,
): AsyncGenerator<PreviewLine> {
  const source = await politeFetch(sourceUrl, options);
  if (source.kind !== 'ok') {
    yield { kind: 'skipped', url: sourceUrl, reason: source.reason };
    return;
  }
  const kind = sourceKind(source.result);
  if (kind === 'web') {
    yield { kind: 'article', message: toMessage(source.result, 'web', sourceUrl, options) };
    return;
  }
  const pages = await pagesOf(source.result, kind, options);
  for (const page of pages.slice(0, options.limit)) {
    const fetched = await politeFetch(page.url, options);
    if (fetched.kind !== 'ok') {
      yield { kind: 'skipped', url: page.url, reason: fetched.reason };
      continue;
    }
    yield {
      kind: 'article',
      message: toMessage(fetched.result, kind, sourceUrl, options, page.hints),
    };
  }
}

/**
 * A RobotsFetcher over fetchDocument with the same address policy: an HTTP error answer gives
 * its status (so a 404 allows all and a 5xx disallows for a while), any other failure is one.
 */
export function robotsFetcher(userAgent: string, policy: AddressPolicy): RobotsFetcher {
  return async (robotsUrl) => {
    try {
      const result = await fetchDocument(robotsUrl, { userAgent, policy });
      return result.kind === 'ok'
        ? { status: result.status, body: result.body }
        : { status: 304, body: '' };
    } catch (error) {
      return error instanceof FetchError && error.status !== undefined
        ? { status: error.status, body: '' }
        : { error };
    }
  };
}

type Polite =
  | { kind: 'ok'; result: Extract<FetchResult, { kind: 'ok' }> }
  | { kind: 'skipped'; reason: string };

async function politeFetch(url: string, options: PreviewOptions): Promise<Polite> {
  try {
    options.policy.checkUrl(url);
    const rules = await options.robots.rulesFor(url);
    if (!rules.isAllowed(url)) return { kind: 'skipped', reason: 'disallowed by robots.txt' };
    const result = await options.gate.run(
      url,
      () => fetchDocument(url, { userAgent: options.userAgent, policy: options.policy }),
      rules.crawlDelayMs(),
    );
    if (result.kind !== 'ok') return { kind: 'skipped', reason: 'not modified' };
    return { kind: 'ok', result };
  } catch (error) {
    return { kind: 'skipped', reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof FetchError && error.status !== undefined) {
    return `${error.code} ${error.status}`;
  }
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

/** By what the body is, not only by its content type: feeds are often served as text/html. */
function sourceKind(result: Extract<FetchResult, { kind: 'ok' }>): SourceKind {
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

async function pagesOf(
  result: Extract<FetchResult, { kind: 'ok' }>,
  kind: SourceKind,
  options: PreviewOptions,
): Promise<PageToFetch[]> {
  if (kind === 'feed') return readFeed(result.body, result.url).items;
  const sitemap = readSitemap(result.body, result.url);
  if (sitemap.kind === 'urlset') {
    return sitemap.entries.map((entry) => ({
      url: entry.url,
      hints: {
        ...(entry.news?.title ? { title: entry.news.title } : {}),
        ...(entry.news?.publishedAt ? { publishedAt: entry.news.publishedAt } : {}),
        ...(entry.news?.language ? { language: entry.news.language } : {}),
        ...(entry.news?.keywords?.length ? { categories: entry.news.keywords } : {}),
      },
    }));
  }
  // An index: its sitemaps in turn, until there are enough pages.
  const pages: PageToFetch[] = [];
  for (const child of sitemap.entries) {
    if (pages.length >= options.limit) break;
    const fetched = await politeFetch(child.url, options);
    if (fetched.kind === 'ok') pages.push(...(await pagesOf(fetched.result, 'sitemap', options)));
  }
  return pages;
}

function toMessage(
  result: Extract<FetchResult, { kind: 'ok' }>,
  kind: SourceKind,
  sourceUrl: string,
  options: PreviewOptions,
  hints?: FeedHintsV1,
): ArticleFetchedV1 {
  const contentType = result.headers.contentType ?? null;
  return {
    schemaVersion: 1,
    id: articleIdFromUrl(result.url),
    source: { id: articleIdFromUrl(sourceUrl), kind, name: new URL(sourceUrl).hostname },
    url: result.url,
    fetchedAt: (options.now?.() ?? new Date()).toISOString(),
    httpStatus: result.status,
    contentType,
    charset: result.charset,
    format: formatOf(contentType),
    body: result.body,
    ...(hints && Object.keys(hints).length > 0 ? { hints } : {}),
  };
}

function formatOf(contentType: string | null): DocumentFormat {
  if (contentType?.includes('json')) return 'json';
  if (contentType?.startsWith('text/plain')) return 'text';
  return 'html';
}
