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
