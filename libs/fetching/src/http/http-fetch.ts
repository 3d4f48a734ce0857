import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { TLSSocket } from 'node:tls';
import { types } from 'node:util';
import { decodeDocument } from '@newsflow/sources';
import type { AddressPolicy } from './address-policy';
import { FetchError, parseRetryAfter } from './fetch-error';
import { FetchRefusedError } from './fetch-refused.error';
import { checkedConnectionLookup, type LookupAll } from './resolve-and-check';
import { readBody } from './response-body';

export interface FetchOptions {
  /** Product, version and a contact, e.g. `NewsflowBot/0.1 (+mailto:ops@example.org)`. */
  userAgent: string;
  policy: AddressPolicy;
  /** Validators of the copy already held: a match costs a 304 and no body. */
  etag?: string;
  lastModified?: string;
  /** Applies to the body as sent and again once decompressed. Default 5 MB. */
  maxBytes?: number;
  /**
   * Past maxBytes, keep the first maxBytes of the body (decompressed) and stop reading, instead
   * of failing: robots.txt is read so (RFC 9309 2.5 lets a crawler ignore what follows 500 KiB).
   */
  truncate?: boolean;
  /** From starting the lookup to an open (for https: negotiated) connection. Default 10 s. */
  connectTimeoutMs?: number;
  /**
   * The whole fetch, every redirect included; time spent waiting in `eachHop` is not counted.
   * Default 30 s.
   */
  totalTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  accept?: string;
  /** Host name resolution; specs pass one so they never touch DNS. */
  resolve?: LookupAll;
  /**
   * Runs the request of each hop, the first and every redirect's: the poll checks the hop's
   * robots.txt there and waits its turn at the host's gate. By default the request runs at once.
   */
  eachHop?: HopRunner;
}

/** Calls `request` when the hop to `url` may be made, or throws to refuse it. */
export type HopRunner = <T>(url: string, request: () => Promise<T>) => Promise<T>;

export interface FetchedHeaders {
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | {
      kind: 'ok';
      /** The URL the body came from, after redirects. */
      url: string;
      status: number;
      headers: FetchedHeaders;
      body: string;
      charset: string;
      /** Size of the body once decompressed. */
      bytes: number;
    }
  | { kind: 'not-modified'; url: string };

const DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxRedirects: 5,
  accept:
    'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
};

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

type Settings = Required<Omit<FetchOptions, 'etag' | 'lastModified' | 'resolve' | 'eachHop'>> &
  Pick<FetchOptions, 'etag' | 'lastModified' | 'resolve'>;

type Hop = FetchResult | { kind: 'redirect'; location: string };

/**
 * GETs `url` the way a polite crawler does: conditional on the validators held, compressed,
 * redirects followed by hand so every hop's URL and every connection's address pass `policy`.
 *
 * @throws FetchRefusedError when a hop's URL or address is refused; nothing is sent to it.
 * @throws FetchError for every other failure.
 */
export async function fetchDocument(url: string, options: FetchOptions): Promise<FetchResult> {
  if (options.userAgent.trim() === '') throw new TypeError('fetchDocument: userAgent is blank');
  const settings: Settings = {
    ...options,
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    truncate: options.truncate ?? false,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    accept: options.accept ?? DEFAULTS.accept,
  };
  const eachHop: HopRunner = options.eachHop ?? ((_url, request) => request());
  const visited = new Set<string>();
  let spentMs = 0;

  let current = url;
  for (;;) {
    settings.policy.checkUrl(current);
    visited.add(current);
    const hopUrl = current;
    const hop = await eachHop(hopUrl, async () => {
      const startedAt = Date.now();
      try {
        return await requestOnce(hopUrl, settings, settings.totalTimeoutMs - spentMs);
      } finally {
        spentMs += Date.now() - startedAt;
      }
    });
    if (hop.kind !== 'redirect') return hop;

    if (visited.has(hop.location))
      throw new FetchError('too-many-redirects', current, `redirect loop back to ${hop.location}`);
    if (visited.size > settings.maxRedirects)
      throw new FetchError(
        'too-many-redirects',
        current,
        `more than ${settings.maxRedirects} redirects`,
      );
    current = hop.location;
  }
}

async function requestOnce(url: string, settings: Settings, remaining: number): Promise<Hop> {
  if (remaining <= 0) throw totalTimeout(url, settings);

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(totalTimeout(url, settings)), remaining);
  let request: http.ClientRequest | undefined;
  try {
    request = send(url, settings, abort.signal);
    const response = await responseOf(request);
    return await handle(url, response, settings, abort.signal);
  } catch (error: unknown) {
    if (abort.signal.aborted) throw abort.signal.reason;
    throw asFetchError(error, url);
  } finally {
    clearTimeout(timer);
    // Closes the socket of a redirect or error answer whose body was never read.
    request?.destroy();
  }
}

function send(url: string, settings: Settings, signal: AbortSignal): http.ClientRequest {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const request = client.request(target, {
    method: 'GET',
    headers: requestHeaders(settings),
    // A fresh connection per request: a pooled socket would skip the address check.
    agent: false,
    lookup: checkedConnectionLookup(settings.policy, settings.resolve),
    signal,
  });
  request.once('socket', (socket) => {
    if (!socket.connecting) return;
    const connected = socket instanceof TLSSocket ? 'secureConnect' : 'connect';
    const timer = setTimeout(
      () =>
        request.destroy(
          new FetchError('timeout', url, `no connection within ${settings.connectTimeoutMs} ms`),
        ),
      settings.connectTimeoutMs,
    );
    socket.once(connected, () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
  });
  request.end();
  return request;
}

function requestHeaders(settings: Settings): http.OutgoingHttpHeaders {
  return {
    'user-agent': settings.userAgent,
    accept: settings.accept,
    'accept-encoding': 'gzip, deflate, br',
    ...(settings.etag === undefined ? {} : { 'if-none-match': settings.etag }),
    ...(settings.lastModified === undefined ? {} : { 'if-modified-since': settings.lastModified }),
  };
}

function responseOf(request: http.ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
}

async function handle(
  url: string,
  response: IncomingMessage,
  settings: Settings,
  signal: AbortSignal,
): Promise<Hop> {
  const status = response.statusCode ?? 0;
  if (status === 304) return { kind: 'not-modified', url };
  if (REDIRECTS.has(status)) {
    const location = response.headers.location;
    if (location === undefined)
      throw new FetchError('http-status', url, `HTTP ${status} without a Location`, { status });
    return { kind: 'redirect', location: resolveLocation(location, url) };
  }
  if (status < 200 || status > 299) throw statusError(url, status, response);

  const body = await readBody(url, response, settings, signal);
  const contentType = response.headers['content-type'] ?? null;
  const { text, charset } = decodeDocument(body, contentType);
  return {
    kind: 'ok',
    url,
    status,
    headers: {
      contentType,
      etag: response.headers.etag ?? null,
      lastModified: response.headers['last-modified'] ?? null,
    },
    body: text,
    charset,
    bytes: body.length,
  };
}

function statusError(url: string, status: number, response: IncomingMessage): FetchError {
  const retryAfterMs =
    status === 429 || status === 503
      ? parseRetryAfter(response.headers['retry-after'], Date.now())
      : undefined;
  return new FetchError('http-status', url, `HTTP ${status}`, {
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** An unparseable Location is returned as is, for `checkUrl` to refuse as not a URL. */
function resolveLocation(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function asFetchError(error: unknown, url: string): Error {
  if (error instanceof FetchError || error instanceof FetchRefusedError) return error;
  // isNativeError, not instanceof: Node's own errors may come from another realm (jest's vm).
  const message = types.isNativeError(error) ? error.message : String(error);
  return new FetchError('network', url, message, { cause: error });
}

function totalTimeout(url: string, settings: Settings): FetchError {
  return new FetchError('timeout', url, `not fetched within ${settings.totalTimeoutMs} ms`);
}
