import { errorMessage } from '@newsflow/runtime';
import type { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import type { HostGate } from './host-gate';
import { FetchError } from './fetch-error';
import { fetchDocument } from './http-fetch';
import type { FetchResult } from './http-fetch';
import type { LookupAll } from './resolve-and-check';
import type { RobotsCache } from './robots-cache';

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

export type Fetched = Extract<FetchResult, { kind: 'ok' }>;

/**
 * One fetch with the manners, at every hop, redirects included: the address policy, the hop's
 * own robots.txt (a disallowed URL throws a FetchRefusedError), then the per-host gate with the
 * site's crawl-delay.
 */
export function politeFetch(
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

/** A listed page's fetch: had, refused for good (too large), or skipped for this poll. */
export type PageFetch =
  | { kind: 'ok'; result: Fetched }
  | { kind: 'refused'; reason: string }
  | { kind: 'skipped'; reason: string; retryable: boolean };

export async function fetchPage(url: string, manners: Manners): Promise<PageFetch> {
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
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${code}: ${errorMessage(error)}` : errorMessage(error);
}
