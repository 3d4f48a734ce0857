import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressPolicy } from '../http/address-policy';
import { HostGate } from '../http/host-gate';
import { RobotsCache } from '../http/robots-cache';
import { robotsFetcher } from '../http/robots-fetcher';
import { previewSource } from './source-preview';
import type { PreviewLine } from './source-preview';

const USER_AGENT = 'NewsflowBot/0.1 (+mailto:ops@example.org)';
const page = (title: string) =>
  `<html><head><title>${title}</title></head><body><p>${title} text.</p></body></html>`;

describe(previewSource.name, () => {
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const routes: Record<string, [string, string]> = {
      '/robots.txt': ['text/plain', 'User-agent: *\nDisallow: /private/\n'],
      '/feed.xml': [
        'application/rss+xml',
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>
          <item><title>Bridge reopens</title><link>${base}/news/bridge</link>
            <pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate></item>
          <item><title>Secret</title><link>${base}/private/memo</link></item>
          <item><title>Gone</title><link>${base}/news/gone</link></item>
          <item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>
        </channel></rss>`,
      ],
      '/news/bridge': ['text/html; charset=utf-8', page('Bridge reopens')],
      '/sitemap.xml': [
        'application/xml',
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
          xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>${base}/news/bridge</loc><news:news><news:title>Bridge reopens</news:title>
            <news:publication><news:name>Local</news:name><news:language>en</news:language></news:publication></news:news></url></urlset>`,
      ],
    };
    const route = routes[request.url ?? ''];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': route[0] }).end(route[1]);
  });
  let base = '';
  let options: Parameters<typeof previewSource>[1];

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const policy = AddressPolicy.fromConfig(['127.0.0.0/8']);
    options = {
      userAgent: USER_AGENT,
      policy,
      gate: new HostGate({ minGapMs: 0, maxInFlight: 2 }),
      robots: new RobotsCache({
        userAgent: 'NewsflowBot/0.1',
        fetch: robotsFetcher({ userAgent: USER_AGENT, policy }),
      }),
      limit: 10,
      now: () => new Date('2025-11-17T09:00:00.000Z'),
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function all(url: string): Promise<PreviewLine[]> {
    const lines: PreviewLine[] = [];
    for await (const line of previewSource(url, options)) lines.push(line);
    return lines;
  }

  it("fetches a feed's items politely, with the feed's hints, and says why it skipped the rest", async () => {
    const lines = await all(`${base}/feed.xml`);
    expect(
      lines.map((line) =>
        line.kind === 'article'
          ? { url: line.message.url, hints: line.message.hints, kind: line.message.source.kind }
          : line,
      ),
    ).toEqual([
      {
        url: `${base}/news/bridge`,
        kind: 'feed',
        hints: { title: 'Bridge reopens', publishedAt: '2025-11-17T08:00:00.000Z' },
      },
      { kind: 'skipped', url: `${base}/private/memo`, reason: 'disallowed by robots.txt' },
      { kind: 'skipped', url: `${base}/news/gone`, reason: 'http-status 404' },
      {
        kind: 'skipped',
        url: 'http://169.254.169.254/latest/meta-data',
        reason: expect.stringMatching(/^address: /) as string,
      },
    ]);
    const [first] = lines;
    expect(first?.kind === 'article' && first.message.body).toContain('Bridge reopens text.');
  });

  it("reads a news sitemap's pages with the sitemap's title and language as hints", async () => {
    const lines = await all(`${base}/sitemap.xml`);
    expect(lines.map((line) => (line.kind === 'article' ? line.message.hints : line))).toEqual([
      { title: 'Bridge reopens', language: 'en' },
    ]);
  });

  it('gives a plain page as one message of its own', async () => {
    const lines = await all(`${base}/news/bridge`);
    expect(
      lines.map((line) => (line.kind === 'article' ? line.message.source.kind : line)),
    ).toEqual(['web']);
  });
});
