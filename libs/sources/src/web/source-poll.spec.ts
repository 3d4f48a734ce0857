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
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import type {
  Manners,
  PageMemory,
  PublishOutcome,
  PublishPage,
  RememberedPage,
  SourcePoll,
  SourceReading,
} from './source-poll';

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

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
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
        fetch: robotsFetcher(USER_AGENT, policy),
      }),
      now: () => new Date('2025-11-17T09:00:00.000Z'),
    };
  });

  beforeEach(() => {
    requests.length = 0;
    answers.clear();
    sent.length = 0;
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
});
