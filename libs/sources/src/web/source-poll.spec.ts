import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FeedError } from '../feeds/feed-error';
import { AddressPolicy } from './address-policy';
import { HostGate } from './host-gate';
import { RobotsCache } from './robots';
import { NO_MEMORY, hashContent, pollSource, robotsFetcher } from './source-poll';
import type { Manners, PageMemory, RememberedPage, SourcePoll, SourceReading } from './source-poll';

const USER_AGENT = 'NewsflowBot/0.1 (+mailto:ops@example.org)';
const FIXTURES = join(__dirname, '..', 'feeds', 'fixtures');

/** The fixture feeds, with their example hosts pointed at the test server. */
function fixture(name: string, base: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8').replace(
    /https?:\/\/[a-z0-9-]+\.example/g,
    base,
  );
}

const article = (title: string, extra = '') =>
  `<html><head><title>${title}</title>${extra}</head><body><p>${title} text.</p></body></html>`;

/** A memory the spec fills by hand: what the fetcher would have stored in Postgres. */
function memoryOf(pages: Record<string, RememberedPage>): PageMemory {
  return {
    byUrl: (urls) =>
      Promise.resolve(
        new Map(urls.flatMap((url) => (pages[url] ? [[url, pages[url]] as const] : []))),
      ),
    byContentHash: (hashes) =>
      Promise.resolve(
        new Map(
          Object.values(pages)
            .filter((page) => hashes.includes(page.contentHash))
            .map((page) => [page.contentHash, page] as const),
        ),
      ),
  };
}

describe(pollSource.name, () => {
  const requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  /** Per-path overrides of the default answer: [status, content type, body, extra headers]. */
  const answers = new Map<string, [number, string, string, Record<string, string>?]>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const feeds: Record<string, [string, string]> = {
      '/rss2.xml': ['application/rss+xml', fixture('rss2.xml', base)],
      '/rdf.xml': ['application/rdf+xml', fixture('rdf.xml', base)],
      '/atom.xml': ['application/atom+xml', fixture('atom.xml', base)],
      '/feed.json': ['application/feed+json', fixture('json-feed.json', base)],
      '/news-sitemap.xml': ['application/xml', fixture('news-sitemap.xml', base)],
      '/malformed.xml': ['application/rss+xml', fixture('malformed.xml', base)],
    };
    const answer = answers.get(path);
    if (answer) {
      response.writeHead(answer[0], { 'content-type': answer[1], ...answer[3] }).end(answer[2]);
    } else if (path === '/robots.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow:\n');
    } else if (feeds[path]) {
      const [type, body] = feeds[path];
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'content-type': type, etag: '"v1"' }).end(body);
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(path));
    }
  });
  let base = '';
  let manners: Manners;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const policy = AddressPolicy.fromConfig(['127.0.0.0/8']);
    manners = {
      userAgent: USER_AGENT,
      policy,
      gate: new HostGate({ minGapMs: 0, maxInFlight: 4 }),
      robots: new RobotsCache({
        userAgent: 'NewsflowBot',
        fetch: robotsFetcher(USER_AGENT, policy),
      }),
      now: () => new Date('2025-11-17T09:00:00.000Z'),
    };
  });

  beforeEach(() => {
    requests.length = 0;
    answers.clear();
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function poll(
    path: string,
    options: {
      kind?: SourceReading;
      etag?: string;
      memory?: PageMemory;
      maxPages?: number;
    } = {},
  ): Promise<SourcePoll> {
    return pollSource(
      {
        id: 'source-1',
        url: `${base}${path}`,
        kind: options.kind ?? 'auto',
        name: 'local',
        etag: options.etag ?? null,
        lastModified: null,
      },
      manners,
      options.memory ?? NO_MEMORY,
      options.maxPages ?? 50,
    );
  }

  /** The paths requested, robots.txt aside (the cache fetches it once for all tests). */
  function pages(): string[] {
    return requests.map((request) => request.path).filter((path) => path !== '/robots.txt');
  }

  function polled(result: SourcePoll): Extract<SourcePoll, { kind: 'polled' }> {
    if (result.kind !== 'polled') throw new Error(`expected a polled source, got ${result.kind}`);
    return result;
  }

  it.each([
    ['/rss2.xml', 'feed'],
    ['/rdf.xml', 'feed'],
    ['/atom.xml', 'feed'],
    ['/feed.json', 'feed'],
    ['/news-sitemap.xml', 'sitemap'],
  ])('reads %s as a %s and fetches each listed page, with its hints', async (path, kind) => {
    const result = polled(await poll(path));

    expect(result.messages.length).toBe(result.listed);
    expect(result.listed).toBeGreaterThan(0);
    for (const message of result.messages) {
      expect(message.source).toEqual({ id: 'source-1', kind, name: 'local' });
      expect(message.url?.startsWith(base)).toBe(true);
      expect(message.body).toContain(`${new URL(message.url ?? '').pathname} text.`);
    }
    expect(result.messages.some((message) => message.hints?.title !== undefined)).toBe(true);
    // The RSS 2.0, Atom and JSON Feed fixtures carry a full body for some item; RDF and the
    // sitemap have none to carry.
    expect(result.messages.some((message) => message.hints?.content !== undefined)).toBe(
      kind === 'feed' && path !== '/rdf.xml',
    );
    expect(result.etag).toBe('"v1"');
  });

  it('costs a 304 and nothing else when the source has not changed', async () => {
    expect(await poll('/rss2.xml', { etag: '"v1"' })).toEqual({ kind: 'not-modified' });
    expect(pages()).toEqual(['/rss2.xml']);
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('fetches a known page again only when its source dates it later, and publishes it only if it changed', async () => {
    answers.set('/feed', [
      200,
      'application/rss+xml',
      `<rss version="2.0"><channel><title>t</title>
        <item><title>Same</title><link>${base}/same</link><pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate></item>
        <item><title>Redated</title><link>${base}/redated</link><pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate></item>
        <item><title>Changed</title><link>${base}/changed</link><pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate></item>
      </channel></rss>`,
    ]);
    const earlier = new Date('2025-11-17T07:00:00.000Z');
    const memory = memoryOf({
      [`${base}/same`]: {
        articleId: 'a',
        contentHash: 'whatever',
        listedAt: new Date('2025-11-17T08:00:00.000Z'),
      },
      [`${base}/redated`]: {
        articleId: 'b',
        contentHash: hashContent(article('/redated')),
        listedAt: earlier,
      },
      [`${base}/changed`]: { articleId: 'c', contentHash: 'old', listedAt: earlier },
    });

    const result = polled(await poll('/feed', { memory }));

    expect(pages().sort()).toEqual(['/changed', '/feed', '/redated']);
    expect(result.messages.map((message) => message.url)).toEqual([`${base}/changed`]);
    expect(result.records.map((record) => record.url)).toEqual([
      `${base}/redated`,
      `${base}/changed`,
    ]);
  });

  it('publishes one story served under two URLs once, under its canonical id', async () => {
    const story = article('Bridge reopens', `<link rel="canonical" href="${base}/bridge">`);
    answers.set('/bridge', [200, 'text/html', story]);
    answers.set('/amp/bridge', [200, 'text/html', story]);
    answers.set('/list', [200, 'text/plain', `${base}/amp/bridge\n${base}/bridge\n`]);

    const result = polled(await poll('/list', { kind: 'url-list' }));
    const other = polled(await poll('/bridge', { kind: 'web' }));

    expect(result.messages.map((message) => message.url)).toEqual([`${base}/amp/bridge`]);
    expect(result.records).toHaveLength(2);
    expect(result.messages[0]?.id).toBe(other.messages[0]?.id);
  });

  it('skips content another URL already gave', async () => {
    answers.set('/copy', [200, 'text/html', article('Original')]);
    const memory = memoryOf({
      [`${base}/original`]: {
        articleId: 'o',
        contentHash: hashContent(article('Original')),
        listedAt: null,
      },
    });

    const result = polled(await poll('/copy', { kind: 'web', memory }));

    expect(result.messages).toEqual([]);
    expect(result.records.map((record) => record.url)).toEqual([`${base}/copy`]);
  });

  it('leaves pages past the limit, or that failed for now, for the next poll by dropping the validators', async () => {
    const limited = polled(await poll('/rss2.xml', { maxPages: 1 }));
    expect(limited.messages).toHaveLength(1);
    expect(limited.etag).toBeNull();

    answers.set('/list', [200, 'text/plain', `${base}/busy\n${base}/gone\n`]);
    answers.set('/busy', [503, 'text/plain', 'later', { 'retry-after': '1' }]);
    answers.set('/gone', [404, 'text/plain', 'gone']);
    answers.set('/list2', [200, 'text/plain', `${base}/gone\n`]);
    const failing = polled(await poll('/list', { kind: 'url-list' }));

    expect(failing.skipped).toEqual([
      { url: `${base}/busy`, reason: 'http-status 503', retryable: true },
      { url: `${base}/gone`, reason: 'http-status 404', retryable: false },
    ]);
    // A 404 stays a 404: it does not hold the source's validators back.
    answers.set('/list2', [200, 'text/plain', `${base}/gone\n`, { etag: '"l2"' }]);
    expect(polled(await poll('/list2', { kind: 'url-list' })).etag).toBe('"l2"');
  });

  it('refuses feed items that point at the metadata service or a private network, without a request', async () => {
    answers.set('/feed', [
      200,
      'application/rss+xml',
      `<rss version="2.0"><channel><title>t</title>
        <item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>
        <item><title>Private</title><link>http://10.0.0.1/admin</link></item>
      </channel></rss>`,
    ]);

    const result = polled(await poll('/feed'));

    expect(result.skipped.map((page) => [page.url, page.retryable])).toEqual([
      ['http://169.254.169.254/latest/meta-data', false],
      ['http://10.0.0.1/admin', false],
    ]);
    expect(result.skipped.every((page) => page.reason.startsWith('address: '))).toBe(true);
    expect(pages()).toEqual(['/feed']);
  });

  it('follows a sitemap index to its sitemaps', async () => {
    answers.set('/index.xml', [
      200,
      'application/xml',
      `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>${base}/news-sitemap.xml</loc></sitemap></sitemapindex>`,
    ]);

    const result = polled(await poll('/index.xml'));

    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.messages.every((message) => message.source.kind === 'sitemap')).toBe(true);
  });

  it('throws a FeedError for a malformed feed', async () => {
    await expect(poll('/malformed.xml', { kind: 'feed' })).rejects.toBeInstanceOf(FeedError);
  });
});
