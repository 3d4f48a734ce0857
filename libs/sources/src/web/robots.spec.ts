import { RobotsCache, RobotsRules, type RobotsResponse } from './robots';

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

  it('refuses to judge another origin', () => {
    expect(() => rules.isAllowed('https://other.example/private')).toThrow(
      `robots.txt of ${SITE} does not govern https://other.example/private`,
    );
    expect(() => rules.isAllowed('http://news.example/private')).toThrow();
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
