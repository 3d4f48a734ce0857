import robotsParser from 'robots-parser';

type ParsedRobots = ReturnType<typeof robotsParser>;

/** Google reads the first 500 KiB of a robots.txt and ignores the rest (RFC 9309 2.5). */
const MAX_ROBOTS_CHARS = 500 * 1024;

/** What fetching `/robots.txt` gave: a response, or nothing (timeout, connection refused). */
export type RobotsResponse = { status: number; body: string } | { error: unknown };

/**
 * The robots.txt rules of one origin for one user agent. `userAgent` is the product token
 * (`NewsflowBot` or `NewsflowBot/1.0`); groups are matched on it, so pass the token, not a
 * browser-like header value.
 */
export class RobotsRules {
  private constructor(
    readonly origin: string,
    private readonly userAgent: string,
    private readonly parsed: ParsedRobots,
  ) {}

  /** `url` is any URL of the origin, robots.txt itself included. */
  static parse(url: string, body: string, userAgent: string): RobotsRules {
    const origin = new URL(url).origin;
    return new RobotsRules(
      origin,
      userAgent,
      robotsParser(`${origin}/robots.txt`, body.slice(0, MAX_ROBOTS_CHARS)),
    );
  }

  static allowAll(url: string, userAgent: string): RobotsRules {
    return RobotsRules.parse(url, '', userAgent);
  }

  static disallowAll(url: string, userAgent: string): RobotsRules {
    return RobotsRules.parse(url, 'User-agent: *\nDisallow: /', userAgent);
  }

  /**
   * Google's convention, written down in RFC 9309 2.3.1: a 2xx is parsed; any other 4xx but 429
   * means there are no rules (allow all); a 5xx, a 429 or no answer at all means the site may be
   * struggling, so disallow all until a later fetch succeeds. (Google falls back to its last
   * good copy after a while; this cache keeps none, so a short TTL on failures stands in.)
   * Redirects are the fetcher's job (RFC 9309 says follow at least five); a 3xx reaching here
   * means they ran out, which counts as no rules.
   */
  static fromResponse(url: string, response: RobotsResponse, userAgent: string): RobotsRules {
    const verdict = verdictOf(response);
    switch (verdict) {
      case 'rules':
        return RobotsRules.parse(url, 'body' in response ? response.body : '', userAgent);
      case 'none':
        return RobotsRules.allowAll(url, userAgent);
      case 'unreachable':
        return RobotsRules.disallowAll(url, userAgent);
    }
  }

  /** @throws Error for a URL of another origin: these rules say nothing about it. */
  isAllowed(url: string): boolean {
    const allowed = this.parsed.isAllowed(url, this.userAgent);
    if (allowed === undefined)
      throw new Error(`robots.txt of ${this.origin} does not govern ${url}`);
    return allowed;
  }

  /** The group's Crawl-delay in milliseconds, or null when it sets none. */
  crawlDelayMs(): number | null {
    const seconds = this.parsed.getCrawlDelay(this.userAgent);
    return seconds === undefined || seconds < 0 ? null : Math.round(seconds * 1000);
  }
}

/** Given the robots.txt URL of an origin, fetches it (no retries: a failure disallows for a while). */
export type RobotsFetcher = (robotsUrl: string) => Promise<RobotsResponse>;

export interface RobotsCacheOptions {
  fetch: RobotsFetcher;
  userAgent: string;
  /** How long fetched rules are kept; RFC 9309 2.4 says no more than 24 hours. */
  ttlMs?: number;
  /** How long a disallow-all from an unreachable robots.txt is kept, so a blip blocks briefly. */
  unreachableTtlMs?: number;
  /** Past this many origins, expired entries go, then the oldest. */
  maxOrigins?: number;
  now?: () => number;
}

interface Expiry {
  at: number;
}

interface Entry {
  rules: Promise<RobotsRules>;
  expiry: Expiry;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Robots rules per origin, fetched once and kept for a TTL. Concurrent requests for one origin
 * share a single fetch.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly unreachableTtlMs: number;
  private readonly maxOrigins: number;
  private readonly now: () => number;

  constructor(private readonly options: RobotsCacheOptions) {
    this.ttlMs = options.ttlMs ?? 24 * HOUR_MS;
    this.unreachableTtlMs = options.unreachableTtlMs ?? HOUR_MS / 6;
    this.maxOrigins = options.maxOrigins ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The rules governing `url`, from the cache while fresh. */
  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const cached = this.entries.get(origin);
    if (cached !== undefined && cached.expiry.at > this.now()) return cached.rules;

    this.makeRoom();
    // Never expires while the fetch runs, so concurrent callers share it.
    const expiry: Expiry = { at: Number.POSITIVE_INFINITY };
    const rules = this.load(origin, expiry);
    this.entries.set(origin, { rules, expiry });
    return rules;
  }

  private async load(origin: string, expiry: Expiry): Promise<RobotsRules> {
    const response = await this.fetchSafely(`${origin}/robots.txt`);
    const ttl = verdictOf(response) === 'unreachable' ? this.unreachableTtlMs : this.ttlMs;
    // The TTL starts once the answer is in, not when the fetch started.
    expiry.at = this.now() + ttl;
    return RobotsRules.fromResponse(origin, response, this.options.userAgent);
  }

  private makeRoom(): void {
    if (this.entries.size < this.maxOrigins) return;
    const now = this.now();
    for (const [origin, entry] of this.entries)
      if (entry.expiry.at <= now) this.entries.delete(origin);
    // Maps iterate in insertion order: the first key is the oldest.
    const oldest = this.entries.keys().next();
    if (this.entries.size >= this.maxOrigins && oldest.done !== true)
      this.entries.delete(oldest.value);
  }

  private async fetchSafely(robotsUrl: string): Promise<RobotsResponse> {
    try {
      return await this.options.fetch(robotsUrl);
    } catch (error: unknown) {
      return { error };
    }
  }
}

/** RFC 9309 2.3.1: rules to parse, no rules at all, or a site that could not answer. */
function verdictOf(response: RobotsResponse): 'rules' | 'none' | 'unreachable' {
  if (!('status' in response)) return 'unreachable';
  const { status } = response;
  if (status >= 200 && status < 300) return 'rules';
  if (status === 429 || status >= 500) return 'unreachable';
  return 'none';
}
