import { FetchRefusedError } from './fetch-refused.error';
import { RobotsCache } from './robots-cache';
import {
  MAX_CRAWL_DELAY_MS,
  MAX_MATCH_STEPS,
  MAX_ROBOTS_BYTES,
  RobotsRules,
  type RobotsResponse,
} from './robots-rules';

const UA = 'NewsflowBot/1.0';
const SITE = 'https://news.example';

describe(RobotsRules.name, () => {
  const body = [
    'User-agent: *',
    'Disallow: /private',
    'Allow: /private/press',
    'Disallow: /*.pdf$',
    'Disallow: /search*q=',
    'Crawl-delay: 2.5',
    '',
    'User-agent: OtherBot',
    'Disallow: /',
  ].join('\n');
  const rules = RobotsRules.parse(`${SITE}/robots.txt`, body, UA);

  it('lets the longest matching rule win', () => {
    expect(rules.isAllowed(`${SITE}/private/memo`)).toBe(false);
    expect(rules.isAllowed(`${SITE}/private/press/release`)).toBe(true);
    expect(rules.isAllowed(`${SITE}/public`)).toBe(true);
  });

  it('prefers allow when an allow and a disallow rule are as long', () => {
    const tie = RobotsRules.parse(SITE, 'User-agent: *\nDisallow: /page\nAllow: /page', UA);
    expect(tie.isAllowed(`${SITE}/page`)).toBe(true);
  });

  it('reads * and $ wildcards', () => {
    expect(rules.isAllowed(`${SITE}/files/report.pdf`)).toBe(false);
    expect(rules.isAllowed(`${SITE}/files/report.pdf?download=1`)).toBe(true);
    expect(rules.isAllowed(`${SITE}/search?lang=en&q=war`)).toBe(false);
    expect(rules.isAllowed(`${SITE}/search?lang=en`)).toBe(true);
  });

  it('follows the group naming its user agent over the * group', () => {
    const other = RobotsRules.parse(SITE, body, 'OtherBot');
    expect(other.isAllowed(`${SITE}/public`)).toBe(false);
    expect(other.crawlDelayMs()).toBeNull();
  });

  it('gives the crawl delay in milliseconds, or null when none is set', () => {
    expect(rules.crawlDelayMs()).toBe(2500);
    expect(RobotsRules.parse(SITE, 'User-agent: *\nDisallow:', UA).crawlDelayMs()).toBeNull();
  });

  it.each([
    ['29.999', 29_999],
    ['30', MAX_CRAWL_DELAY_MS],
    ['30.001', MAX_CRAWL_DELAY_MS],
    ['1000000000', MAX_CRAWL_DELAY_MS],
    ['-1', null],
    ['soon', null],
  ])('reads a crawl delay of %s seconds as %s ms, 30 s at most', (seconds, ms) => {
    const delayed = RobotsRules.parse(SITE, `User-agent: *\nCrawl-delay: ${seconds}`, UA);
    expect(delayed.crawlDelayMs()).toBe(ms);
  });

  it('refuses to judge another origin', () => {
    expect(() => rules.isAllowed('https://other.example/private')).toThrow(
      `robots.txt of ${SITE} does not govern https://other.example/private`,
    );
    expect(() => rules.isAllowed('http://news.example/private')).toThrow();
  });

  describe("Google's pattern examples", () => {
    const judge = (pattern: string, path: string) =>
      !RobotsRules.parse(SITE, `User-agent: *\nDisallow: ${pattern}`, UA).isAllowed(
        `${SITE}${path}`,
      );

    it.each([
      ['/', ['/', '/anything']],
      ['/$', ['/']],
      ['/fish', ['/fish', '/fish.html', '/fish/salmon.html', '/fishheads', '/fish.php?id=1']],
      ['/fish*', ['/fish', '/fish.html', '/fishheads/yummy.html']],
      ['/fish/', ['/fish/', '/fish/?id=anything', '/fish/salmon.htm']],
      ['/*.php', ['/index.php', '/folder/filename.php?parameters', '/folder/any.php.file.html']],
      ['/*.php$', ['/filename.php', '/folder/filename.php']],
      ['/fish*.php', ['/fish.php', '/fishheads/catfish.php?parameters']],
      ['/a$b', ['/a$b', '/a$bc']],
      ['/**/x**', ['/a/x', '/a/b/xy']],
    ])('%s matches the listed paths', (pattern, paths) => {
      expect(paths.filter((path) => !judge(pattern, path))).toEqual([]);
    });

    it.each([
      ['/$', ['/anything']],
      ['/fish', ['/Fish.asp', '/catfish', '/?id=fish', '/desert/fish']],
      ['/fish/', ['/fish', '/fish.html', '/animals/fish/', '/Fish/Salmon.asp']],
      ['/*.php', ['/', '/windows.PHP']],
      ['/*.php$', ['/filename.php?parameters', '/filename.php/', '/filename.php5']],
      ['/fish*.php', ['/Fish.PHP']],
      ['/a$b', ['/ab']],
    ])('%s does not match the listed paths', (pattern, paths) => {
      expect(paths.filter((path) => judge(pattern, path))).toEqual([]);
    });

    it('compares escapes and non-ASCII characters in one form', () => {
      expect(judge('/caf\u00e9', '/caf%C3%A9/menu')).toBe(true);
      expect(judge('/a%2fb', '/a%2Fb')).toBe(true);
    });
  });

  describe('groups', () => {
    it('merges the groups naming the same agent, and lets consecutive agents share one', () => {
      const merged = RobotsRules.parse(
        SITE,
        [
          'Disallow: /before-any-agent',
          'User-agent: other',
          'User-agent: newsflowbot',
          'Disallow: /a',
          'User-agent: *',
          'Disallow: /b',
          'User-agent: NewsflowBot/2.0',
          'Disallow: /c # a comment',
        ].join('\n'),
        UA,
      );
      expect(
        ['/a', '/b', '/c', '/before-any-agent'].map((p) => merged.isAllowed(`${SITE}${p}`)),
      ).toEqual([false, true, false, true]);
    });

    it('allows everything when the group naming the agent has no rules, whatever * says', () => {
      const own = RobotsRules.parse(
        SITE,
        'User-agent: *\nDisallow: /\n\nUser-agent: NewsflowBot\n',
        UA,
      );
      expect(own.isAllowed(`${SITE}/page`)).toBe(true);
    });
  });

  describe('on hostile files', () => {
    it('reads the first 500 KiB and ignores what follows', () => {
      const head = 'User-agent: *\n';
      const fits = 'Disallow: /fits';
      const filler = '#'.repeat(MAX_ROBOTS_BYTES - head.length - 1 - fits.length);
      // "/fits" ends on the 500 KiB-th character; "/past" starts after it.
      const body = `${head}${filler}\n${fits}\nDisallow: /past\n`;
      const rules = RobotsRules.parse(SITE, body, UA);
      expect(rules.isAllowed(`${SITE}/fits`)).toBe(false);
      expect(rules.isAllowed(`${SITE}/past`)).toBe(true);
    });

    it('reads a 10 MB file in bounded time, its rules past 500 KiB ignored', () => {
      const body = `User-agent: *\n${'Disallow: /x*y*z\n'.repeat(600_000)}`;
      expect(body.length).toBeGreaterThan(10_000_000);
      const started = Date.now();
      const rules = RobotsRules.parse(SITE, `${body}Disallow: /last\n`, UA);
      expect(rules.isAllowed(`${SITE}/last`)).toBe(true);
      expect(rules.weight).toBeLessThan(20 * 1024 * 1024);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('answers for a 16K path against 500 KB of wildcard rules in bounded time (was 23.6 s)', () => {
      const rule = `Disallow: /${'*a'.repeat(200)}b\n`;
      const body = `User-agent: *\n${rule.repeat(Math.floor(MAX_ROBOTS_BYTES / rule.length) - 1)}`;
      const rules = RobotsRules.parse(SITE, body, UA);
      const started = Date.now();
      const allowed = rules.isAllowed(`${SITE}/${'a'.repeat(16_000)}`);
      expect(Date.now() - started).toBeLessThan(2_000);
      // Too costly to judge within MAX_MATCH_STEPS: disallowed.
      expect(allowed).toBe(false);
    });

    it(`judges a URL within ${MAX_MATCH_STEPS} steps, and disallows one that needs more`, () => {
      // Each rule scans the 1,000 characters after "/" and fails: 1,000 steps a rule.
      const path = `/${'a'.repeat(1_000)}`;
      const withRules = (count: number) =>
        RobotsRules.parse(SITE, `User-agent: *\n${'Disallow: /*b\n'.repeat(count)}`, UA);
      expect(withRules(MAX_MATCH_STEPS / 1_000).isAllowed(`${SITE}${path}`)).toBe(true);
      expect(withRules(MAX_MATCH_STEPS / 1_000 + 1).isAllowed(`${SITE}${path}`)).toBe(false);
    });
  });

  describe('fromResponse', () => {
    const judge = (response: RobotsResponse) =>
      RobotsRules.fromResponse(SITE, response, UA).isAllowed(`${SITE}/any`);

    it('parses a 2xx body', () => {
      expect(judge({ status: 200, body: 'User-agent: *\nDisallow: /any' })).toBe(false);
    });

    it.each([404, 403, 410])('allows everything after a %i', (status) => {
      expect(judge({ status, body: 'User-agent: *\nDisallow: /' })).toBe(true);
    });

    it.each([500, 503, 429])('disallows everything after a %i', (status) => {
      expect(judge({ status, body: '' })).toBe(false);
    });

    it('disallows everything when there was no answer', () => {
      expect(judge({ error: new Error('timeout') })).toBe(false);
    });
  });
});

describe(RobotsCache.name, () => {
  function setup(responses: RobotsResponse[]) {
    let now = 1_000_000;
    const fetch = jest.fn((url: string) => {
      const next = responses.shift();
      return next === undefined
        ? Promise.reject(new Error(`unexpected fetch of ${url}`))
        : Promise.resolve(next);
    });
    const cache = new RobotsCache({
      fetch,
      userAgent: UA,
      ttlMs: 60_000,
      unreachableTtlMs: 5_000,
      now: () => now,
    });
    return { cache, fetch, advance: (ms: number) => (now += ms) };
  }
  const disallowAny = { status: 200, body: 'User-agent: *\nDisallow: /any' };

  it('fetches robots.txt of the origin once within the TTL', async () => {
    const { cache, fetch, advance } = setup([disallowAny]);
    const first = await cache.rulesFor(`${SITE}/any/1`);
    advance(59_999);
    const second = await cache.rulesFor(`${SITE}/other`);
    expect(second).toBe(first);
    expect(first.isAllowed(`${SITE}/any/2`)).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(`${SITE}/robots.txt`);
  });

  it('fetches again once the TTL has passed', async () => {
    const { cache, fetch, advance } = setup([disallowAny, { status: 404, body: '' }]);
    await cache.rulesFor(SITE);
    advance(60_000);
    const fresh = await cache.rulesFor(SITE);
    expect(fresh.isAllowed(`${SITE}/any`)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps a disallow-all from an unreachable robots.txt for the shorter TTL', async () => {
    const { cache, fetch, advance } = setup([{ status: 503, body: '' }, disallowAny]);
    expect((await cache.rulesFor(SITE)).isAllowed(`${SITE}/else`)).toBe(false);
    advance(4_999);
    expect((await cache.rulesFor(SITE)).isAllowed(`${SITE}/else`)).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(1);
    expect((await cache.rulesFor(SITE)).isAllowed(`${SITE}/else`)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('disallows everything when the fetcher throws', async () => {
    const { cache } = setup([]);
    expect((await cache.rulesFor(SITE)).isAllowed(`${SITE}/`)).toBe(false);
  });

  it('keys by origin and shares one fetch between concurrent callers', async () => {
    const { cache, fetch } = setup([disallowAny, { status: 404, body: '' }]);
    const [a, b, other] = await Promise.all([
      cache.rulesFor(`${SITE}/a`),
      cache.rulesFor(`${SITE}/b`),
      cache.rulesFor('https://other.example/any'),
    ]);
    expect(a).toBe(b);
    expect(other.isAllowed('https://other.example/any')).toBe(true);
    expect(fetch.mock.calls).toEqual([
      [`${SITE}/robots.txt`],
      ['https://other.example/robots.txt'],
    ]);
  });

  it('passes a refusal of the origin on to every caller, for the shorter TTL', async () => {
    let now = 0;
    const refusal = new FetchRefusedError(
      'address',
      'news.example',
      '10.0.0.1 is a private address',
    );
    const fetch = jest.fn(() => Promise.reject(refusal));
    const cache = new RobotsCache({
      fetch,
      userAgent: UA,
      unreachableTtlMs: 5_000,
      now: () => now,
    });

    await expect(cache.rulesFor(`${SITE}/a`)).rejects.toBe(refusal);
    now += 4_999;
    await expect(cache.rulesFor(`${SITE}/b`)).rejects.toBe(refusal);
    expect(fetch).toHaveBeenCalledTimes(1);
    now += 1;
    await expect(cache.rulesFor(`${SITE}/c`)).rejects.toBe(refusal);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('drops the oldest origins past its weight limit', async () => {
    const body = `User-agent: *\n${'Disallow: /x\n'.repeat(100)}`;
    const weight = RobotsRules.parse(SITE, body, UA).weight;
    const fetch = jest.fn(() => Promise.resolve({ status: 200, body }));
    const cache = new RobotsCache({ fetch, userAgent: UA, maxWeight: 2 * weight });
    await cache.rulesFor('https://a.example/');
    await cache.rulesFor('https://b.example/');
    await cache.rulesFor('https://a.example/');
    expect(fetch).toHaveBeenCalledTimes(2);

    await cache.rulesFor('https://c.example/');
    await cache.rulesFor('https://b.example/');
    expect(fetch).toHaveBeenCalledTimes(3);
    await cache.rulesFor('https://a.example/');
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('drops the oldest origin past its size limit', async () => {
    const fetch = jest.fn(() => Promise.resolve({ status: 404, body: '' }));
    const cache = new RobotsCache({ fetch, userAgent: UA, maxOrigins: 2 });
    await cache.rulesFor('https://a.example/');
    await cache.rulesFor('https://b.example/');
    await cache.rulesFor('https://c.example/');
    await cache.rulesFor('https://b.example/');
    expect(fetch).toHaveBeenCalledTimes(3);
    await cache.rulesFor('https://a.example/');
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});
