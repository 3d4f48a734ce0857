import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TLSSocket } from 'node:tls';
import { types } from 'node:util';
import zlib from 'node:zlib';
import { decodeDocument } from '../decode';
import type { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import { checkedConnectionLookup, type LookupAll } from './resolve-and-check';

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

/**
 * - `timeout`: no connection within the connect timeout, or no full answer within the total one;
 * - `too-large`: the body, as sent or decompressed, passed `maxBytes`;
 * - `too-many-redirects`: more than `maxRedirects` hops, or a loop;
 * - `http-status`: an answer that is neither a body, a redirect nor a 304;
 * - `content-encoding`: a Content-Encoding we do not know, or a body that does not decompress;
 * - `network`: the connection failed.
 */
export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'content-encoding'
  | 'network';

export interface FetchErrorDetails {
  status?: number;
  /** For 429 and 503: how long the server asked us to wait, from Retry-After. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: FetchErrorCode,
    /** The URL of the hop that failed. */
    readonly url: string,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(`${url}: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

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

/**
 * The longest wait a Retry-After may ask: 24 hours. A server asking more (100 years would park a
 * source until 2126, and a larger number made an Invalid Date) is waited on for a day, then the
 * source is polled again and its backoff goes on as usual.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Retry-After as milliseconds, at most MAX_RETRY_AFTER_MS: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  // Date.parse reads almost anything ("7.5" is a July date), so insist on a leading day name.
  if (!/^[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
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

async function readBody(
  url: string,
  response: IncomingMessage,
  { maxBytes, truncate }: Settings,
  signal: AbortSignal,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes && !truncate)
    throw new FetchError('too-large', url, `Content-Length ${declared} exceeds ${maxBytes} bytes`);

  const chunks: Buffer[] = [];
  let kept = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const room = maxBytes - kept;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      kept += Math.min(chunk.length, room);
      // Only a truncating read gets here with a chunk past maxBytes: it has what it wants.
      callback(chunk.length > room ? new Truncated() : null);
    },
  });
  try {
    await pipeline(
      [
        response,
        limit(url, maxBytes, 'as sent', truncate),
        ...decompressors(url, response.headers['content-encoding']),
        limit(url, maxBytes, 'decompressed', truncate),
        sink,
      ],
      { signal },
    );
  } catch (error) {
    // Failing the pipeline destroyed the response and every decompressor: nothing more is read.
    if (!(error instanceof Truncated)) throw error;
  }
  return Buffer.concat(chunks);
}

/** Ends a truncating read once it holds maxBytes; readBody keeps what it read. */
class Truncated extends Error {}

/**
 * Fails the stream the moment more than `maxBytes` have passed, before buffering them. A
 * truncating read passes the chunk that crosses the limit (the sink keeps the part that fits)
 * and ends at the next.
 */
function limit(url: string, maxBytes: number, stage: string, truncate: boolean): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (truncate) {
        const full = seen >= maxBytes;
        seen += chunk.length;
        callback(full ? new Truncated() : null, full ? undefined : chunk);
        return;
      }
      seen += chunk.length;
      if (seen > maxBytes)
        callback(new FetchError('too-large', url, `body ${stage} exceeds ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

/** Codings are listed in the order applied, so they are undone in reverse. */
function decompressors(url: string, header: string | undefined): Transform[] {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => decompressor(url, coding));
}

function decompressor(url: string, coding: string): Transform {
  // Flushing what arrived instead of failing on a truncated stream is what browsers do.
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return decoding(url, coding, () =>
        zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
      );
    case 'deflate':
      // HTTP's deflate is zlib-wrapped, but some servers send the raw stream: look at the header.
      return decoding(url, coding, (head) =>
        isZlibHeader(head)
          ? zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
          : zlib.createInflateRaw({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
      );
    case 'br':
      return decoding(url, coding, () =>
        zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
      );
    default:
      throw new FetchError('content-encoding', url, `unsupported Content-Encoding ${coding}`);
  }
}

/** RFC 1950: compression method 8 in the low nibble, and the two bytes a multiple of 31. */
function isZlibHeader(head: Buffer): boolean {
  const [cmf = 0, flg = 0] = head;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/**
 * A decompressor chosen from the body's first chunk, whose failures are `content-encoding`
 * FetchErrors: a corrupt body is the page's fault, not the network's. Destroying it (the
 * pipeline does, when a limit fails) destroys the decompressor inside: left alone, that one went
 * on inflating what it had been given, 18 s of CPU for a 6.5 KB brotli bomb refused at 0.2 s.
 */
function decoding(url: string, coding: string, choose: (head: Buffer) => Transform): Transform {
  let inner: Transform | undefined;
  const fail = (error: unknown) =>
    new FetchError('content-encoding', url, `${coding} body does not decompress`, {
      cause: error,
    });
  const outer = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (inner === undefined) {
        inner = choose(chunk);
        inner.on('data', (data: Buffer) => outer.push(data));
        inner.on('error', (error) => outer.destroy(fail(error)));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (inner === undefined) {
        callback();
        return;
      }
      inner.once('end', () => callback());
      inner.end();
    },
    destroy(error, callback) {
      inner?.destroy();
      callback(error);
    },
  });
  return outer;
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
