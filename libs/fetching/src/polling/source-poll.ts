import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { articleIdFromUrl, listingKindOf, normalizeUrl, readListing } from '@newsflow/sources';
import type { ListedPage, SourceReading } from '@newsflow/sources';
import { fetchPage, politeFetch } from '../http/polite-fetch';
import type { Fetched, Manners } from '../http/polite-fetch';
import { articleMessage, hashContent } from './article-message';
import type { PageMemory, PageRecord, RememberedPage } from './page-memory';
import type {
  PublishOutcome,
  PublishPage,
  RefusedPage,
  SkippedPage,
  SourcePoll,
} from './poll-report';
import { sitemapPages } from './sitemap-walk';

/** A web source as the fetcher holds it: its address, how to read it, and its validators. */
export interface SourceToPoll {
  id: string;
  url: string;
  kind: SourceReading;
  name: string;
  /** Validators of the copy of the source read last time. */
  etag: string | null;
  lastModified: string | null;
}

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
  const kind = source.kind === 'auto' ? listingKindOf(fetched.body) : source.kind;
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
      kind === 'web'
        ? { kind: 'ok' as const, result: fetched }
        : await fetchPage(page.url, manners);
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
    const held = known.get(page.url);
    const message = keepPublishedId(articleMessage(result.result, ref, now(), page.hints), held);
    const contentHash = hashContent(result.result.body);
    const record = {
      url: page.url,
      articleId: message.id,
      contentHash,
      listedAt: page.listedAt,
      refused: null,
    };
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

async function listedPages(
  fetched: Fetched,
  kind: Exclude<SourceReading, 'auto' | 'web'>,
  manners: Manners,
  maxPages: number,
  skipped: SkippedPage[],
): Promise<ListedPage[]> {
  if (kind === 'sitemap') return sitemapPages(fetched, manners, maxPages, skipped);
  const listing = readListing(kind, fetched.body, fetched.url);
  return listing.kind === 'pages' ? listing.pages : [];
}

/**
 * A page published before keeps the id it was published under, so its update replaces its row:
 * a canonical link its site added since, or one an earlier reader of the head missed, does not
 * turn the update into a second article. A page remembered only as refused was never published
 * under its id, so it takes the one its content gives.
 */
function keepPublishedId(
  message: ArticleFetchedV1,
  held: RememberedPage | undefined,
): ArticleFetchedV1 {
  return held && held.refused === null && held.articleId !== message.id
    ? { ...message, id: held.articleId }
    : message;
}
