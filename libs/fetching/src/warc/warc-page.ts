import type { ArticleFetchedV1, SourceRefV1 } from '@newsflow/contracts';
import { absoluteUrl } from '@newsflow/extraction';
import { decodeDocument } from '@newsflow/sources';
import { articleMessage } from '../polling/article-message';

/**
 * A WARC `response` record as the reader hands it over: the WARC headers that matter here, the
 * HTTP answer it holds (status line and headers), and the payload with any transfer or content
 * encoding undone. Nothing of the WARC library leaks past this shape.
 */
export interface WarcResponse {
  /** WARC-Target-URI: the address the page was fetched from. */
  targetUri: string | null;
  /** WARC-Date: when the crawler fetched it (ISO 8601). */
  warcDate: string | null;
  /** The HTTP status of the recorded answer; null when its status line cannot be read. */
  status: number | null;
  /** The recorded answer's Content-Type header, as sent. */
  contentType: string | null;
  payload: Buffer;
}

/** What a response record comes to: a fetched-article message, or why it is skipped. */
export type WarcPageResult =
  | { kind: 'page'; message: ArticleFetchedV1 }
  | { kind: 'skipped'; reason: string };

/**
 * Media types read as pages. An archive holds every answer of a crawl: images, scripts, PDFs,
 * robots.txt, feeds. Only HTML is an article page; the rest is skipped with its type.
 */
const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/**
 * A WARC response record as the fetcher would have published the page it holds: the URL from
 * WARC-Target-URI, fetchedAt from WARC-Date, the charset from the recorded Content-Type header,
 * then the page's own meta (the fetch path's `decodeDocument`), and the message built by
 * `articleMessage`, so its id follows the page's canonical URL as a fetched page's does.
 *
 * Skipped, with the reason: no http(s) target URI, no readable WARC-Date, a status other than
 * 2xx (redirects, 404s: the fetcher never publishes those either), a type other than HTML (a
 * missing Content-Type counts as HTML when the payload starts like a page).
 */
export function warcResponseToMessage(response: WarcResponse, source: SourceRefV1): WarcPageResult {
  const url = httpUrl(response.targetUri);
  if (url === null)
    return { kind: 'skipped', reason: `no-url: target URI ${String(response.targetUri)}` };
  const fetchedAt = response.warcDate === null ? null : new Date(response.warcDate);
  if (fetchedAt === null || Number.isNaN(fetchedAt.getTime()))
    return { kind: 'skipped', reason: `no-date: WARC-Date ${String(response.warcDate)}` };
  if (response.status === null || response.status < 200 || response.status > 299)
    return { kind: 'skipped', reason: `http-status: ${String(response.status)}` };
  if (!isHtml(response.contentType, response.payload))
    return { kind: 'skipped', reason: `not-html: ${response.contentType ?? 'no content type'}` };

  const { text, charset } = decodeDocument(response.payload, response.contentType);
  const message = articleMessage(
    {
      url,
      status: response.status,
      // The message's format follows the content type: a page is read as HTML whatever it said.
      headers: { contentType: response.contentType ?? 'text/html' },
      body: text,
      charset,
    },
    source,
    fetchedAt,
  );
  return { kind: 'page', message };
}

function isHtml(contentType: string | null, payload: Buffer): boolean {
  if (contentType === null || contentType.trim() === '') {
    const head = payload.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
    return head.startsWith('<!doctype html') || head.startsWith('<html');
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return HTML_TYPES.has(mediaType);
}

/** The target URI as an absolute http(s) URL, or null. */
function httpUrl(value: string | null): string | null {
  // Some crawlers wrote the URI in angle brackets (WARC 1.0's grammar did).
  return absoluteUrl(value?.trim().replace(/^<(.*)>$/, '$1'), null);
}
