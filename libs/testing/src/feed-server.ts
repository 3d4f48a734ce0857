import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page the server serves, and lists in its feed. */
export interface ServedPage {
  /** Its path on the server, e.g. `/news/1.html`. */
  path: string;
  html: string;
  title: string;
}

/**
 * An RSS 2.0 feed of real pages on loopback, for the suites that feed the fetcher real traffic.
 * It counts the requests for each path, so a suite can tell that no page was fetched twice.
 * `pageDelayMs` makes each page answer that much later: a poll that lasts long enough to stop the
 * broker in the middle of it.
 */
export class FeedServer {
  private readonly counts = new Map<string, number>();
  private readonly byPath: Map<string, ServedPage>;

  private readonly server: Server;

  private constructor(
    pages: readonly ServedPage[],
    private readonly pageDelayMs: number,
  ) {
    this.byPath = new Map(pages.map((page) => [page.path, page]));
    this.server = createServer((request, response) => this.answer(request.url ?? '/', response));
  }

  static async start(pages: readonly ServedPage[], { pageDelayMs = 0 } = {}): Promise<FeedServer> {
    const feedServer = new FeedServer(pages, pageDelayMs);
    await new Promise<void>((resolve) => feedServer.server.listen(0, '127.0.0.1', resolve));
    return feedServer;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get feedUrl(): string {
    return `${this.base}/feed.xml`;
  }

  urlOf(page: ServedPage): string {
    return `${this.base}${page.path}`;
  }

  /** How many times each page (not the feed) was asked for. */
  pageRequests(): Map<string, number> {
    return new Map([...this.counts].filter(([path]) => this.byPath.has(path)));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(path: string, response: ServerResponse): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(this.feed());
      return;
    }
    const page = this.byPath.get(path);
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
    }, this.pageDelayMs);
  }

  private feed(): string {
    const items = [...this.byPath.values()]
      .map(
        (page, i) => `<item><title>${escapeXml(page.title)}</title>
          <link>${this.urlOf(page)}</link>
          <pubDate>${new Date(Date.UTC(2025, 10, 17, 8, i)).toUTCString()}</pubDate></item>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
      <title>Real pages</title><link>${this.base}/</link>${items}</channel></rss>`;
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
