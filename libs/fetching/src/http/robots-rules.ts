/**
 * The part of a robots.txt that is read: its first 500 KiB, as Google does (RFC 9309 2.5 asks a
 * crawler to read at least that much); the rest is ignored. The fetch stops there, and a body
 * handed to `RobotsRules.parse` is cut there too.
 */
export const MAX_ROBOTS_BYTES = 500 * 1024;

/** What fetching `/robots.txt` gave: a response, or nothing (timeout, connection refused). */
export type RobotsResponse = { status: number; body: string } | { error: unknown };

/**
 * The most path characters one check may scan with wildcard rules, summed over the rules it
 * tries: a few tens of milliseconds of matching at worst (30 ms measured on hostile files). Past
 * it the URL counts as disallowed. Real sites stay
 * far below (a thousand wildcard rules and a 300-character path scan 300,000); reaching it takes
 * thousands of wildcard rules and URLs thousands of characters long, from the same site, so only
 * that site pays. A 500 KB robots.txt of wildcards against a 16K path scanned 500 million.
 */
export const MAX_MATCH_STEPS = 2_000_000;

/**
 * The longest Crawl-delay obeyed: 30 s between requests to a host. A site asking more gets that;
 * asked for a billion seconds, the host gate's timer overflowed to 1 ms and spun, and the host's
 * requests waited for ever.
 */
export const MAX_CRAWL_DELAY_MS = 30_000;

/**
 * About what one compiled rule takes in memory besides the text of its pattern: 300 bytes
 * (measured: 130 for a literal rule, 190 to 370 for wildcard ones).
 */
const RULE_BYTES = 300;

/**
 * One Allow or Disallow line, compiled once: its pattern cut at each `*` into literal parts, and
 * whether a final `$` anchors it at the end of the path.
 */
interface Rule {
  allow: boolean;
  /** The path pattern as written (percent-encoding normalised); its length is its weight. */
  pattern: string;
  /** What the path must start with: the pattern up to its first `*` (all of it when none). */
  first: string;
  /** The parts after the first `*`, the last one included; null when the pattern has no `*`. */
  rest: { middle: string[]; last: string } | null;
  anchored: boolean;
}

/** The lines of the groups for one user agent, in order. */
interface Group {
  rules: Rule[];
  crawlDelaySeconds: number | null;
}

/**
 * The robots.txt rules of one origin for one user agent. `userAgent` is the product token
 * (`NewsflowBot` or `NewsflowBot/1.0`); groups are matched on it, so pass the token, not a
 * browser-like header value.
 *
 * Each rule is compiled once, and reads a path in one pass: the parts of its pattern between
 * `*`s are found in turn, each at its first place after the last (with `*` as the only wildcard
 * the leftmost match is never worse), and a trailing `$` anchors the last part at the end. A
 * matcher that tries every length a `*` may take instead (robots-parser's) cost 23.6 s for one
 * 16K path against a 500 KB robots.txt of wildcards; MAX_MATCH_STEPS bounds what is left, the
 * number of rules times the length of the path.
 */
export class RobotsRules {
  private constructor(
    readonly origin: string,
    /** Longest pattern first, and Allow before Disallow among equals: the first match decides. */
    private readonly rules: readonly Rule[],
    private readonly crawlDelaySeconds: number | null,
    /**
     * About the bytes these rules hold in memory: the text they were read from (their patterns
     * are cut from it, and may keep it whole), two bytes a character, and RULE_BYTES a rule.
     */
    readonly weight: number,
  ) {}

  /** `url` is any URL of the origin, robots.txt itself included. */
  static parse(url: string, body: string, userAgent: string): RobotsRules {
    const origin = new URL(url).origin;
    const text = body.slice(0, MAX_ROBOTS_BYTES);
    const group = groupFor(text, productToken(userAgent));
    const rules = [...group.rules].sort(
      (a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow),
    );
    const weight = 2 * text.length + RULE_BYTES * rules.length;
    return new RobotsRules(origin, rules, group.crawlDelaySeconds, weight);
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
    const parsed = new URL(url);
    if (parsed.origin !== this.origin)
      throw new Error(`robots.txt of ${this.origin} does not govern ${url}`);
    const path = upperCaseEscapes(parsed.pathname + parsed.search);
    let steps = 0;
    for (const rule of this.rules) {
      // Literal prefixes cost at most their own length: all of them, the file's 500 KiB.
      if (!path.startsWith(rule.first)) continue;
      if (rule.rest === null) {
        if (!rule.anchored || path.length === rule.first.length) return rule.allow;
        continue;
      }
      steps += path.length - rule.first.length + rule.rest.middle.length;
      if (steps > MAX_MATCH_STEPS) return false;
      if (matchesRest(rule.rest, rule.anchored, path, rule.first.length)) return rule.allow;
    }
    return true;
  }

  /** The group's Crawl-delay in milliseconds, at most MAX_CRAWL_DELAY_MS; null when it sets none. */
  crawlDelayMs(): number | null {
    if (this.crawlDelaySeconds === null) return null;
    return Math.min(Math.round(this.crawlDelaySeconds * 1000), MAX_CRAWL_DELAY_MS);
  }
}

/**
 * The rules for `token` (RFC 9309 2.2): the groups naming it, merged, else the groups for `*`,
 * else none. A group is one or more User-agent lines and the lines after them; a User-agent line
 * after a rule starts the next group.
 */
function groupFor(body: string, token: string): Group {
  const mine: Group = { rules: [], crawlDelaySeconds: null };
  const anyone: Group = { rules: [], crawlDelaySeconds: null };
  let mineNamed = false;
  /** The agents of the group being read, while its User-agent lines go on. */
  let agents: string[] = [];
  /** The groups the lines being read belong to: ours, `*`'s, both or neither. */
  let targets: Group[] = [];
  for (const line of body.split(/\r\n|\r|\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const hash = line.indexOf('#', colon);
    const value = line.slice(colon + 1, hash === -1 ? undefined : hash).trim();
    if (key === 'user-agent') {
      agents.push(productToken(value));
      continue;
    }
    if (agents.length > 0) {
      mineNamed ||= agents.includes(token);
      targets = [
        ...(agents.includes(token) ? [mine] : []),
        ...(agents.includes('*') ? [anyone] : []),
      ];
      agents = [];
    }
    if ((key === 'allow' || key === 'disallow') && value !== '' && targets.length > 0) {
      const rule = compileRule(key === 'allow', value);
      for (const group of targets) group.rules.push(rule);
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (value !== '' && Number.isFinite(seconds) && seconds >= 0)
        for (const group of targets) group.crawlDelaySeconds = seconds;
    }
  }
  // A group of User-agent lines alone at the end still names its agents.
  return mineNamed || agents.includes(token) ? mine : anyone;
}

/** `NewsflowBot/1.0` and `newsflowbot` both name `newsflowbot`; `*` stays `*`. */
function productToken(userAgent: string): string {
  const trimmed = userAgent.trim().toLowerCase();
  if (trimmed.startsWith('*')) return '*';
  return /^[a-z_-]*/.exec(trimmed)?.[0] ?? '';
}

function compileRule(allow: boolean, written: string): Rule {
  const pattern = normaliseEncoding(written);
  const anchored = pattern.endsWith('$');
  const [first = '', ...after] = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const last = after.pop();
  const rest = last === undefined ? null : { middle: after.filter((part) => part !== ''), last };
  return { allow, pattern, first, rest, anchored };
}

/**
 * Whether the path, from `at` on, holds the middle parts in order and then the last one (at
 * the very end when anchored). Each part is looked for once, left to right.
 */
function matchesRest(
  { middle, last }: { middle: string[]; last: string },
  anchored: boolean,
  path: string,
  at: number,
): boolean {
  let from = at;
  for (const part of middle) {
    const found = path.indexOf(part, from);
    if (found === -1) return false;
    from = found + part.length;
  }
  if (anchored) return path.length - last.length >= from && path.endsWith(last);
  return last === '' || path.indexOf(last, from) !== -1;
}

/** Patterns and paths compare in one form: non-ASCII percent-encoded, escapes in upper case. */
function normaliseEncoding(pattern: string): string {
  // Most patterns are printable ASCII without escapes, already in that form.
  if (!/[^\x21-\x7e]|%/.test(pattern)) return pattern;
  try {
    // encodeURI escapes `%` itself, which is already an escape here.
    return upperCaseEscapes(encodeURI(pattern).replace(/%25/g, '%'));
  } catch {
    // A lone surrogate cannot be encoded; such a pattern is compared as written.
    return pattern;
  }
}

function upperCaseEscapes(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

/** RFC 9309 2.3.1: rules to parse, no rules at all, or a site that could not answer. */
export function verdictOf(response: RobotsResponse): 'rules' | 'none' | 'unreachable' {
  if (!('status' in response)) return 'unreachable';
  const { status } = response;
  if (status >= 200 && status < 300) return 'rules';
  if (status === 429 || status >= 500) return 'unreachable';
  return 'none';
}
