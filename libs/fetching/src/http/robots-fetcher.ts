import type { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import type { HostGate } from './host-gate';
import { FetchError } from './fetch-error';
import { fetchDocument } from './http-fetch';
import type { HopRunner } from './http-fetch';
import type { LookupAll } from './resolve-and-check';
import type { RobotsFetcher } from './robots-cache';
import { MAX_ROBOTS_BYTES } from './robots-rules';

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
