import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NewsPage } from './news-pages';

export interface StreamingFeedOptions {
  /** Real pages to serve, cycled: the n-th page released is `pages[n % pages.length]`. */
  pages: readonly NewsPage[];
  /** How many pages the feed releases in all. */
  total: number;
  /** Pages released per second, at a steady rate. */
  perSecond: number;
  /** Tells this feed's copies apart from another feed's: part of each canonical URL. */
  name: string;
}

/** A page the feed has released: where it is served, and the address it calls its own. */
export interface ReleasedPage {
  path: string;
  canonicalUrl: string;
  releasedAt: number;
}

/**
 * An RSS feed on loopback that grows while a suite runs: real pages released at a steady rate,
 * each copy its own article (its own canonical URL, put first in its head), the feed listing
 * every page released so far. The fault suite streams through it while it kills and cuts
 * things. It counts requests per path, and the feed's own requests with their times.
 */
export class StreamingFeed {
  private readonly released: ReleasedPage[] = [];
  private readonly counts = new Map<string, number>();
  private readonly feedTimes: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private feedDelayMs = 0;
  private pageDelayMs = 0;

  private constructor(
    private readonly options: StreamingFeedOptions,
    private readonly server: Server,
  ) {}

  static async start(options: StreamingFeedOptions): Promise<StreamingFeed> {
    const server = createServer();
    const feed = new StreamingFeed(options, server);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      feed.answer(request.url ?? '/', response),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return feed;
  }

  get feedUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/feed.xml`;
  }

  /** Starts releasing pages; resolves when all `total` are out. */
  stream(): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        if (this.released.length >= this.options.total) {
          clearInterval(this.timer);
          this.timer = undefined;
          resolve();
          return;
        }
        const n = this.released.length;
        const page = this.options.pages[n % this.options.pages.length] as NewsPage;
        this.released.push({
          path: `/news/${n}.html`,
          canonicalUrl: `https://${this.options.name}.faults.example/${n}/${page.id}`,
          releasedAt: Date.now(),
        });
      };
      release();
      this.timer = setInterval(release, 1000 / this.options.perSecond);
    });
  }

  /** The pages released so far, in order. */
  releasedPages(): readonly ReleasedPage[] {
    return this.released;
  }

  /** How many times each page (not the feed) was asked for. */
  pageRequests(): Map<string, number> {
    return new Map([...this.counts].filter(([path]) => path !== '/feed.xml'));
  }

  /** When the feed document was asked for, in ms since the epoch. */
  feedRequestTimes(): readonly number[] {
    return this.feedTimes;
  }

  /** Makes the feed document answer `ms` later: a poll that holds its lease that long. */
  delayFeed(ms: number): void {
    this.feedDelayMs = ms;
  }

  /** Makes each page answer `ms` later: a poll of many pages that lasts seconds. */
  delayPages(ms: number): void {
    this.pageDelayMs = ms;
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(path: string, response: ServerResponse): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      this.feedTimes.push(Date.now());
      const body = this.feed();
      setTimeout(
        () => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
        this.feedDelayMs,
      );
      return;
    }
    const n = Number(/^\/news\/(\d+)\.html$/.exec(path)?.[1] ?? NaN);
    const released = this.released[n];
    if (!released) {
      response.writeHead(404).end();
      return;
    }
    const page = this.options.pages[n % this.options.pages.length] as NewsPage;
    const html = page.html.replace(
      /<head[^>]*>/i,
      (head) => `${head}<link rel="canonical" href="${released.canonicalUrl}">`,
    );
    setTimeout(
      () => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      this.pageDelayMs,
    );
  }

  private feed(): string {
    const base = this.feedUrl.replace('/feed.xml', '');
    const items = this.released
      .map(
        (page, i) => `<item><title>Page ${i}</title><link>${base}${page.path}</link>
          <guid>${page.canonicalUrl}</guid>
          <pubDate>${new Date(page.releasedAt).toUTCString()}</pubDate></item>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
      <title>${this.options.name}</title><link>${base}/</link>${items}</channel></rss>`;
  }
}
