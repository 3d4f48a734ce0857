import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { AddressPolicy } from './address-policy';
import { FetchError } from './fetch-error';
import { checkedConnectionLookup, type LookupAll } from './resolve-and-check';

export interface ArchiveStreamOptions {
  userAgent: string;
  policy: AddressPolicy;
  /** No byte for this long ends the download. Default 60 s. */
  idleTimeoutMs?: number;
  maxRedirects?: number;
  resolve?: LookupAll;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Opens an archive on the web as a stream of its bytes from `start`, for the WARC reader: unlike
 * fetchDocument, whose body is read whole under FETCH_MAX_BYTES and FETCH_TIMEOUT_MS, an archive
 * is a gigabyte read over minutes, so the body streams (backpressure from the reader) with an
 * idle timeout instead. Safety is fetchDocument's: the address policy checks every hop's URL and
 * the very address connected to, a fresh connection each. robots.txt and the host gate are not
 * consulted: an archive is a dataset download, one request, not a crawl of the host. A resume
 * asks for `Range: bytes=<start>-`; a server that answers 200 instead has the first `start`
 * bytes read and let go.
 */
export async function openArchiveStream(
  url: string,
  start: number,
  options: ArchiveStreamOptions,
): Promise<AsyncIterable<Uint8Array>> {
  let current = url;
  for (let hops = 0; ; hops += 1) {
    options.policy.checkUrl(current);
    const response = await get(current, start, options);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status) && response.headers.location !== undefined) {
      response.destroy();
      if (hops >= (options.maxRedirects ?? 5))
        throw new FetchError('too-many-redirects', url, 'too many redirects');
      current = new URL(response.headers.location, current).href;
      continue;
    }
    if (status === 206 || (status === 200 && start === 0)) return response;
    if (status === 200) return skipped(response, start);
    response.destroy();
    throw new FetchError('http-status', current, `HTTP ${status}`, { status });
  }
}

function get(url: string, start: number, options: ArchiveStreamOptions): Promise<IncomingMessage> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target, {
      method: 'GET',
      headers: {
        'user-agent': options.userAgent,
        ...(start > 0 ? { range: `bytes=${start}-` } : {}),
      },
      // A fresh connection per request: a pooled socket would skip the address check.
      agent: false,
      lookup: checkedConnectionLookup(options.policy, options.resolve),
    });
    request.setTimeout(options.idleTimeoutMs ?? 60_000, () =>
      request.destroy(new FetchError('timeout', url, 'no bytes for too long')),
    );
    request.once('response', resolve);
    request.once('error', (error) =>
      reject(error instanceof FetchError ? error : new FetchError('network', url, error.message)),
    );
    request.end();
  });
}

async function* skipped(body: AsyncIterable<Uint8Array>, start: number) {
  let left = start;
  for await (const chunk of body) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** The opener of http(s) archives a WarcSource takes, with the FETCH_* user agent and networks. */
export function archiveOpener(settings: {
  userAgent: string;
  allowedNetworks: readonly string[];
}): (url: string, start: number) => Promise<AsyncIterable<Uint8Array>> {
  const policy = AddressPolicy.fromConfig([...settings.allowedNetworks]);
  return (url, start) => openArchiveStream(url, start, { userAgent: settings.userAgent, policy });
}
