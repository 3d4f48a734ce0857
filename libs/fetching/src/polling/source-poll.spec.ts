import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { IncomingMessage as Request, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FeedError } from '@newsflow/sources';
import type { SourceReading } from '@newsflow/sources';
import { AddressPolicy } from '../http/address-policy';
import { HostGate } from '../http/host-gate';
import { FetchRefusedError } from '../http/fetch-refused.error';
import { FetchError } from '../http/fetch-error';
import type { Manners } from '../http/polite-fetch';
import type { LookupAll } from '../http/resolve-and-check';
import { RobotsCache } from '../http/robots-cache';
import { robotsFetcher } from '../http/robots-fetcher';
import { hashContent } from './article-message';
import { MAX_ROBOTS_BYTES } from '../http/robots-rules';
import { NO_MEMORY } from './page-memory';
import type { PageMemory, RememberedPage } from './page-memory';
import type { PublishOutcome, PublishPage, SourcePoll } from './poll-report';
import { MAX_SITEMAPS_PER_POLL } from './sitemap-walk';
import { pollSource } from './source-poll';
import type { ArticleFetchedV1 } from '@newsflow/contracts';

const USER_AGENT = 'NewsflowBot/0.1 (+mailto:ops@example.org)';
const FIXTURES = join(__dirname, '../../../sources/src/listing/fixtures');

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

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A sitemap index listing `locs`, each with its lastmod when one is given. */
function sitemapIndex(...children: (string | [string, string])[]): string {
  const entries = children.map((child) => {
    const [loc, lastmod] = typeof child === 'string' ? [child, undefined] : child;
    return `<sitemap><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
  });
  return `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>`;
}

function urlset(...locs: string[]): string {
  const entries = locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('');
  return `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>`;
}

describe(pollSource.name, () => {
  const requests: { path: string; headers: IncomingMessage['headers']; at: number }[] = [];
  /** Per-path overrides of the default answer: [status, content type, body, extra headers]. */
  const answers = new Map<string, [number, string, string, Record<string, string>?]>();
  /** Per-path handlers for what an answer cannot say: a stall, an endless body, a redirect. */
  const handlers = new Map<string, (request: Request, response: ServerResponse) => void>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers, at: Date.now() });
    const handler = handlers.get(path);
    if (handler) return handler(request, response);
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
  /** The messages the polls handed over, in order. */
  const sent: ArticleFetchedV1[] = [];
  const publishAll: PublishPage = (message) => {
    sent.push(message);
    return Promise.resolve({ outcome: Promise.resolve({ status: 'published' as const }) });
  };

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
        fetch: robotsFetcher({ userAgent: USER_AGENT, policy }),
      }),
      now: () => new Date('2025-11-17T09:00:00.000Z'),
    };
  });

  beforeEach(() => {
    requests.length = 0;
    answers.clear();
    handlers.clear();
    sent.length = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Manners with a robots.txt cache of their own, so a spec's robots.txt is fetched afresh. */
  function freshManners(
    options: { gate?: HostGate; totalTimeoutMs?: number; resolve?: LookupAll } = {},
  ): Manners {
    const policy = AddressPolicy.fromConfig(['127.0.0.0/8']);
    const gate = options.gate ?? new HostGate({ minGapMs: 0, maxInFlight: 4 });
    const { totalTimeoutMs, resolve } = options;
    const limits = {
      ...(totalTimeoutMs !== undefined ? { totalTimeoutMs } : {}),
      ...(resolve !== undefined ? { resolve } : {}),
    };
    return {
      ...manners,
      ...limits,
      gate,
      robots: new RobotsCache({
        userAgent: 'NewsflowBot',
        fetch: robotsFetcher({ userAgent: USER_AGENT, policy, gate, ...limits }),
      }),
    };
  }

  function poll(
    path: string,
    options: {
      kind?: SourceReading;
      etag?: string;
      memory?: PageMemory;
      maxPages?: number;
      publish?: PublishPage;
      manners?: Partial<Manners>;
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
      { ...manners, ...options.manners },
      options.memory ?? NO_MEMORY,
      options.maxPages ?? 50,
      options.publish ?? publishAll,
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

    expect(sent.length).toBe(result.listed);
    expect(result.published).toBe(result.listed);
    expect(result.listed).toBeGreaterThan(0);
    for (const message of sent) {
      expect(message.source).toEqual({ id: 'source-1', kind, name: 'local' });
      expect(message.url?.startsWith(base)).toBe(true);
      expect(message.body).toContain(`${new URL(message.url ?? '').pathname} text.`);
    }
    expect(sent.some((message) => message.hints?.title !== undefined)).toBe(true);
    // The RSS 2.0, Atom and JSON Feed fixtures carry a full body for some item; RDF and the
    // sitemap have none to carry.
    expect(sent.some((message) => message.hints?.content !== undefined)).toBe(
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
        refused: null,
      },
      [`${base}/redated`]: {
        articleId: 'b',
        contentHash: hashContent(article('/redated')),
        listedAt: earlier,
        refused: null,
      },
      [`${base}/changed`]: { articleId: 'c', contentHash: 'old', listedAt: earlier, refused: null },
    });

    const result = polled(await poll('/feed', { memory }));

    expect(pages().sort()).toEqual(['/changed', '/feed', '/redated']);
    expect(sent.map((message) => message.url)).toEqual([`${base}/changed`]);
    // An update keeps the id it was published under, whatever the page's head says now.
    expect(sent[0]?.id).toBe('c');
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
    expect(sent.map((message) => message.url)).toEqual([`${base}/amp/bridge`]);
    expect(result.records).toHaveLength(2);
    polled(await poll('/bridge', { kind: 'web' }));
    expect(sent[1]?.id).toBe(sent[0]?.id);
  });

  it('skips content another URL already gave', async () => {
    answers.set('/copy', [200, 'text/html', article('Original')]);
    const memory = memoryOf({
      [`${base}/original`]: {
        articleId: 'o',
        contentHash: hashContent(article('Original')),
        listedAt: null,
        refused: null,
      },
    });

    const result = polled(await poll('/copy', { kind: 'web', memory }));

    expect(sent).toEqual([]);
    expect(result.records.map((record) => record.url)).toEqual([`${base}/copy`]);
  });

  it('leaves pages past the limit, or that failed for now, for the next poll by dropping the validators', async () => {
    const limited = polled(await poll('/rss2.xml', { maxPages: 1 }));
    expect(sent).toHaveLength(1);
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

    expect(result.published).toBeGreaterThan(0);
    expect(sent.every((message) => message.source.kind === 'sitemap')).toBe(true);
  });

  it('hands each page over as soon as it is fetched, and fetches the next only once it is taken', async () => {
    answers.set('/list', [200, 'text/plain', `${base}/a\n${base}/b\n${base}/c\n`]);
    const requestedAtHandover: number[] = [];
    let release: () => void = () => undefined;
    const slowPublisher: PublishPage = async (message) => {
      requestedAtHandover.push(pages().length);
      // The first page is taken only when the spec says so: a publisher with a full buffer.
      if (sent.length === 0) await new Promise<void>((resolve) => (release = resolve));
      sent.push(message);
      return { outcome: Promise.resolve({ status: 'published' as const }) };
    };

    const polling = poll('/list', { kind: 'url-list', publish: slowPublisher });
    await waitUntil(() => requestedAtHandover.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pages()).toEqual(['/list', '/a']);
    release();
    const result = polled(await polling);

    // The list, then one page per handover: never a page fetched ahead of the publisher.
    expect(requestedAtHandover).toEqual([2, 3, 4]);
    expect(result.published).toBe(3);
  });

  it('remembers a page refused as too large with why, and does not fetch it again until redated', async () => {
    const big = `<html><body><p>${'x'.repeat(5_000)}</p></body></html>`;
    answers.set('/big', [200, 'text/html', big]);
    answers.set('/huge-json', [200, 'text/html', article('Huge as JSON')]);
    answers.set('/list', [200, 'text/plain', `${base}/big\n${base}/huge-json\n${base}/fine\n`]);
    const refuseHuge: PublishPage = (message) => {
      sent.push(message);
      const outcome: PublishOutcome = message.url?.endsWith('/huge-json')
        ? { status: 'refused', reason: 'too-large-for-topic: 9000000 bytes' }
        : { status: 'published' };
      return Promise.resolve({ outcome: Promise.resolve(outcome) });
    };

    const result = polled(
      await poll('/list', { kind: 'url-list', publish: refuseHuge, manners: { maxBytes: 4_096 } }),
    );

    expect(result.published).toBe(1);
    expect(result.refused).toEqual([
      { url: `${base}/big`, reason: expect.stringMatching(/^too-large: /) as unknown },
      { url: `${base}/huge-json`, reason: 'too-large-for-topic: 9000000 bytes' },
    ]);
    expect(result.records.map((r) => [r.url, r.refused === null, r.contentHash === ''])).toEqual([
      [`${base}/big`, false, true],
      [`${base}/huge-json`, false, false],
      [`${base}/fine`, true, false],
    ]);
    // Refusals are for good: they do not hold the source's validators back.
    expect(result.skipped).toEqual([]);

    // Remembered as refused and not dated later: not fetched again.
    requests.length = 0;
    const memory = memoryOf(
      Object.fromEntries(result.records.map((record) => [record.url, record])),
    );
    polled(await poll('/list', { kind: 'url-list', memory }));
    expect(pages()).toEqual(['/list']);
  });

  it('offers a refused page again when its source dates it later, even with the same content', async () => {
    answers.set('/feed', [
      200,
      'application/rss+xml',
      `<rss version="2.0"><channel><title>t</title>
        <item><title>Big</title><link>${base}/big-story</link><pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate></item>
      </channel></rss>`,
    ]);
    const memory = memoryOf({
      [`${base}/big-story`]: {
        articleId: 'b',
        contentHash: hashContent(article('/big-story')),
        listedAt: new Date('2025-11-17T07:00:00.000Z'),
        refused: 'too-large-for-topic: 9000000 bytes',
      },
    });

    const result = polled(await poll('/feed', { memory }));

    expect(sent.map((message) => message.url)).toEqual([`${base}/big-story`]);
    expect(result.records[0]?.refused).toBeNull();
  });

  it('keeps no validators and remembers nothing of pages the publisher dropped', async () => {
    const dropAll: PublishPage = () =>
      Promise.resolve({
        outcome: Promise.resolve({ status: 'dropped' as const, reason: 'stopping' }),
      });

    const result = polled(await poll('/rss2.xml', { publish: dropAll }));

    expect(result.dropped).toBe(result.listed);
    expect(result.records).toEqual([]);
    expect(result.etag).toBeNull();
  });

  it('throws a FeedError for a malformed feed', async () => {
    await expect(poll('/malformed.xml', { kind: 'feed' })).rejects.toBeInstanceOf(FeedError);
  });

  it('refuses a feed that streams past maxBytes (a 100 MB feed), and lets go of it', async () => {
    let released: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (released = resolve));
    handlers.set('/huge.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel><title>t</title>');
      const item = `<item><title>x</title><link>${base}/x</link></item>`.repeat(100);
      const pump = (): void => {
        while (!response.destroyed && response.write(item));
        if (!response.destroyed) response.once('drain', pump);
      };
      response.once('close', () => released());
      pump();
    });

    const error = await poll('/huge.xml', { manners: { maxBytes: 64 * 1024 } }).catch(
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('too-large');
    await closed;
  });

  describe('with a sitemap index', () => {
    const xml = (body: string): [number, string, string] => [200, 'application/xml', body];

    it('reads an index that lists itself once, and ends', async () => {
      answers.set('/self.xml', xml(sitemapIndex(`${base}/self.xml`)));

      const result = polled(await poll('/self.xml'));

      expect(pages()).toEqual(['/self.xml']);
      expect(result.skipped).toEqual([
        { url: `${base}/self.xml`, reason: 'sitemap read already in this poll', retryable: false },
      ]);
    });

    it('reads each sitemap of a cycle once', async () => {
      answers.set('/a.xml', xml(sitemapIndex(`${base}/b.xml`)));
      answers.set('/b.xml', xml(sitemapIndex(`${base}/a.xml`, `${base}/pages.xml`)));
      answers.set('/pages.xml', xml(urlset(`${base}/story`)));

      const result = polled(await poll('/a.xml'));

      expect(pages()).toEqual(['/a.xml', '/b.xml', '/pages.xml', '/story']);
      expect(result.published).toBe(1);
      expect(result.skipped.map((page) => page.reason)).toEqual([
        'sitemap read already in this poll',
      ]);
    });

    it('follows indexes 3 levels deep, and not a 4th', async () => {
      for (const [index, child] of [
        ['/i1.xml', '/i2.xml'],
        ['/i2.xml', '/i3.xml'],
        ['/i3.xml', '/i-pages.xml'],
        ['/j1.xml', '/j2.xml'],
        ['/j2.xml', '/j3.xml'],
        ['/j3.xml', '/j4.xml'],
        ['/j4.xml', '/j-pages.xml'],
      ]) {
        answers.set(index as string, xml(sitemapIndex(`${base}${child as string}`)));
      }
      answers.set('/i-pages.xml', xml(urlset(`${base}/i-story`)));
      answers.set('/j-pages.xml', xml(urlset(`${base}/j-story`)));

      const three = polled(await poll('/i1.xml'));
      expect(three.published).toBe(1);
      expect(three.skipped).toEqual([]);

      requests.length = 0;
      const four = polled(await poll('/j1.xml'));
      expect(four.published).toBe(0);
      expect(pages()).toEqual(['/j1.xml', '/j2.xml', '/j3.xml', '/j4.xml']);
      expect(four.skipped).toEqual([
        {
          url: `${base}/j4.xml`,
          reason: 'sitemap index nested deeper than 3 levels',
          retryable: false,
        },
      ]);
    });

    it(`reads at most ${MAX_SITEMAPS_PER_POLL} sitemaps a poll, the newest first`, async () => {
      // Child i is dated day i + 1 of January: the newest is the last listed.
      const children = Array.from({ length: MAX_SITEMAPS_PER_POLL + 1 }, (_, i) => {
        answers.set(`/s${i}.xml`, xml(urlset(`${base}/story-${i}`)));
        const day = String(i + 1).padStart(2, '0');
        return [`${base}/s${i}.xml`, `2025-01-${day}`] as [string, string];
      });
      answers.set('/just-under.xml', xml(sitemapIndex(...children.slice(1))));
      answers.set('/over.xml', xml(sitemapIndex(...children)));

      const under = polled(await poll('/just-under.xml'));
      expect(under.listed).toBe(MAX_SITEMAPS_PER_POLL);
      expect(under.skipped).toEqual([]);

      requests.length = 0;
      const over = polled(await poll('/over.xml'));
      expect(over.listed).toBe(MAX_SITEMAPS_PER_POLL);
      expect(pages().filter((path) => path.endsWith('.xml'))[1]).toBe(
        `/s${MAX_SITEMAPS_PER_POLL}.xml`,
      );
      expect(pages()).not.toContain('/s0.xml');
      expect(over.skipped).toEqual([
        {
          url: `${base}/s0.xml`,
          reason: `sitemap past the ${MAX_SITEMAPS_PER_POLL} sitemaps a poll reads`,
          retryable: false,
        },
      ]);
    });

    it('reads no sitemap on another host than its index', async () => {
      const port = new URL(base).port;
      answers.set(
        '/mixed.xml',
        xml(
          sitemapIndex(
            `http://localhost:${port}/elsewhere.xml`,
            `http://localhost:${port}/elsewhere-too.xml`,
            `${base}/pages.xml`,
          ),
        ),
      );
      answers.set('/pages.xml', xml(urlset(`${base}/story`)));

      const result = polled(await poll('/mixed.xml'));

      expect(pages()).toEqual(['/mixed.xml', '/pages.xml', '/story']);
      expect(result.skipped).toEqual([
        {
          url: `http://localhost:${port}/elsewhere.xml`,
          reason: 'sitemap on another host than its index (and 1 more)',
          retryable: false,
        },
      ]);
    });
  });

  describe('robots.txt', () => {
    const robotsTxt = (body: string): [number, string, string] => [200, 'text/plain', body];

    it('is fetched within the fetch timeout: a stalled one disallows for now', async () => {
      handlers.set('/robots.txt', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('User-agent: *\n');
      });

      const error = await poll('/article', {
        kind: 'web',
        manners: freshManners({ totalTimeoutMs: 200 }),
      }).catch((reason: unknown) => reason);

      expect(error).toMatchObject({ code: 'robots', reason: 'disallowed by robots.txt' });
      expect(pages()).toEqual([]);
    });

    it('is read up to its first 500 KiB: a rule past them is ignored, however long the file', async () => {
      const head = 'User-agent: *\nDisallow: /early\n';
      const filler = `#${'.'.repeat(98)}\n`;
      const lines = Math.ceil((MAX_ROBOTS_BYTES - head.length) / filler.length);
      const body = `${head}${filler.repeat(lines)}Disallow: /late\n${filler.repeat(100_000)}`;
      expect(body.length).toBeGreaterThan(10_000_000);
      answers.set('/robots.txt', robotsTxt(body));
      answers.set('/list', [200, 'text/plain', `${base}/early\n${base}/late\n`]);

      const result = polled(await poll('/list', { kind: 'url-list', manners: freshManners() }));

      expect(result.skipped).toEqual([
        { url: `${base}/early`, reason: 'disallowed by robots.txt', retryable: false },
      ]);
      expect(pages()).toEqual(['/list', '/late']);
    });

    it('waits its turn at the host gate like any request', async () => {
      const gate = new HostGate({ minGapMs: 300, maxInFlight: 1 });

      polled(await poll('/article', { kind: 'web', manners: freshManners({ gate }) }));

      const [robots, page] = requests;
      expect([robots?.path, page?.path]).toEqual(['/robots.txt', '/article']);
      expect((page?.at ?? 0) - (robots?.at ?? 0)).toBeGreaterThanOrEqual(250);
    });

    it("of a redirect's other origin is obeyed too", async () => {
      const otherRequests: string[] = [];
      const other = createServer((request, response) => {
        otherRequests.push(request.url ?? '/');
        if (request.url === '/robots.txt')
          response
            .writeHead(200, { 'content-type': 'text/plain' })
            .end('User-agent: *\nDisallow: /secret\n');
        else response.writeHead(200, { 'content-type': 'text/html' }).end(article('secret'));
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      try {
        answers.set('/jump', [302, 'text/plain', '', { location: `${otherBase}/secret` }]);
        answers.set('/list', [200, 'text/plain', `${base}/jump\n`]);

        const result = polled(await poll('/list', { kind: 'url-list', manners: freshManners() }));

        expect(result.skipped).toEqual([
          { url: `${base}/jump`, reason: 'disallowed by robots.txt', retryable: false },
        ]);
        expect(otherRequests).toEqual(['/robots.txt']);
      } finally {
        await new Promise((resolve) => other.close(resolve));
      }
    });

    it('is not blamed for a host name that resolves to a refused address', async () => {
      const port = new URL(base).port;
      const resolve: LookupAll = (host) =>
        Promise.resolve([
          { address: host === 'blocked.test' ? '10.0.0.1' : '127.0.0.1', family: 4 },
        ]);
      const blocked = `http://blocked.test:${port}/story`;
      answers.set('/list', [200, 'text/plain', `${blocked}\n`]);

      const result = polled(
        await poll('/list', { kind: 'url-list', manners: freshManners({ resolve }) }),
      );
      expect(result.skipped).toEqual([
        {
          url: blocked,
          reason: 'address: refused to fetch blocked.test: 10.0.0.1 is a private address',
          retryable: false,
        },
      ]);

      const source = await pollSource(
        { id: 's', url: blocked, kind: 'web', name: 'n', etag: null, lastModified: null },
        freshManners({ resolve }),
        NO_MEMORY,
        50,
        publishAll,
      ).catch((reason: unknown) => reason);
      expect(source).toBeInstanceOf(FetchRefusedError);
      expect(source).toMatchObject({ code: 'address', reason: '10.0.0.1 is a private address' });
      expect(pages()).toEqual(['/list']);
    });
  });
});
