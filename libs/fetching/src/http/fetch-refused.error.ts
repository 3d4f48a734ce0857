/**
 * Why a fetch was refused before any traffic was sent:
 * - `url`: not a URL at all;
 * - `scheme`: not http or https (file:, ftp:, data: ... would read local files or other services);
 * - `host`: a host name that is refused by name (cloud metadata services);
 * - `address`: an IP address, literal or resolved, outside the public internet;
 * - `robots`: the site's robots.txt disallows the path for our user agent.
 */
export type FetchRefusalCode = 'url' | 'scheme' | 'host' | 'address' | 'robots';

/**
 * A permanent refusal: retrying cannot change the answer, so the fetcher should discard the
 * request rather than retry it.
 */
export class FetchRefusedError extends Error {
  override readonly name = 'FetchRefusedError';

  constructor(
    readonly code: FetchRefusalCode,
    /** The URL, host name or address that was refused. */
    readonly target: string,
    readonly reason: string,
  ) {
    super(`refused to fetch ${target}: ${reason}`);
  }
}
