import { createHash } from 'node:crypto';
import type { ArticleFetchedV1, DocumentFormat, FeedHintsV1 } from '@newsflow/contracts';
import { canonicalUrlOf, readPageAddress } from '@newsflow/extraction';
import { articleIdFromUrl } from '@newsflow/sources';

/** A page as fetched: where it ended up after redirects, its answer and its decoded text. */
export interface FetchedPage {
  url: string;
  status: number;
  headers: { contentType: string | null };
  body: string;
  charset: string;
}

/**
 * The fetched-article message of a page. Its id follows the page's canonical link, read by the
 * extractor's own reader (readPageAddress: the page's first `<link rel=canonical>`, resolved
 * against `<base href>` and the page's URL), so one story reached under two addresses is one id
 * and the parsed article's canonicalUrl starts from the same reading. Without a usable canonical
 * link the id follows the URL the page was fetched from. The source's hints go along when there
 * are any.
 */
export function articleMessage(
  page: FetchedPage,
  source: ArticleFetchedV1['source'],
  fetchedAt: Date,
  hints?: FeedHintsV1,
): ArticleFetchedV1 {
  const contentType = page.headers.contentType ?? null;
  const format = formatOf(contentType);
  const canonical = format === 'html' ? canonicalUrlOf(readPageAddress(page.body), page.url) : null;
  return {
    schemaVersion: 1,
    id: articleIdFromUrl(canonical ?? page.url),
    source,
    url: page.url,
    fetchedAt: fetchedAt.toISOString(),
    httpStatus: page.status,
    contentType,
    charset: page.charset,
    format,
    body: page.body,
    ...(hints && Object.keys(hints).length > 0 ? { hints } : {}),
  };
}

function formatOf(contentType: string | null): DocumentFormat {
  if (contentType?.includes('json')) return 'json';
  if (contentType?.startsWith('text/plain')) return 'text';
  return 'html';
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
