import type { DataSource } from 'typeorm';
import { DatabaseBoundary } from './database-errors';

/** What the fetcher remembers of a page it published (see FetchedPageEntity). */
export interface KnownPage {
  url: string;
  articleId: string;
  contentHash: string;
  listedAt: Date | null;
  /** Why the page was not carried (too large), or null: it was published. */
  refused: string | null;
}

export interface FetchedPage extends KnownPage {
  sourceId: string;
}

interface KnownPageRow {
  url: string;
  article_id: string;
  content_hash: string;
  listed_at: Date | null;
  refused: string | null;
}

/** The fetcher's memory of published pages, for dedup and updates. */
@DatabaseBoundary()
export class FetchedPagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The pages held under these URLs, by URL. */
  async byUrl(urls: readonly string[]): Promise<Map<string, KnownPage>> {
    if (urls.length === 0) return new Map();
    const rows: KnownPageRow[] = await this.dataSource.query(
      `SELECT url, article_id, content_hash, listed_at, refused FROM fetched_pages
       WHERE url = ANY($1)`,
      [urls],
    );
    return new Map(rows.map((row) => [row.url, toKnownPage(row)]));
  }

  /** For each content hash already held, the page first seen with it. */
  async byContentHash(hashes: readonly string[]): Promise<Map<string, KnownPage>> {
    if (hashes.length === 0) return new Map();
    const rows: KnownPageRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (content_hash) url, article_id, content_hash, listed_at, refused
       FROM fetched_pages WHERE content_hash = ANY($1) AND refused IS NULL
       ORDER BY content_hash, first_seen_at, url`,
      [hashes],
    );
    return new Map(rows.map((row) => [row.content_hash, toKnownPage(row)]));
  }

  /**
   * Records pages once their messages are published (or refused), in one statement. A URL held
   * before takes the new hash, and counts a new version when a changed page was published. A URL
   * twice in the batch: the later one wins (one INSERT cannot touch a row twice).
   */
  async record(pages: readonly FetchedPage[]): Promise<void> {
    const byUrl = new Map(pages.map((page) => [page.url, page]));
    if (byUrl.size === 0) return;
    const batch = [...byUrl.values()];
    await this.dataSource.query(
      `INSERT INTO fetched_pages
         (url, article_id, content_hash, source_id, listed_at, refused, versions)
       SELECT url, article_id, content_hash, source_id, listed_at, refused,
              (refused IS NULL)::int
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
         AS page(url, article_id, content_hash, source_id, listed_at, refused)
       ON CONFLICT (url) DO UPDATE SET
         versions = fetched_pages.versions
           + (EXCLUDED.refused IS NULL
              AND (fetched_pages.refused IS NOT NULL
                   OR fetched_pages.content_hash <> EXCLUDED.content_hash))::int,
         article_id = EXCLUDED.article_id,
         content_hash = EXCLUDED.content_hash,
         source_id = EXCLUDED.source_id,
         listed_at = EXCLUDED.listed_at,
         refused = EXCLUDED.refused,
         last_fetched_at = now()`,
      [
        batch.map((page) => page.url),
        batch.map((page) => page.articleId),
        batch.map((page) => page.contentHash),
        batch.map((page) => page.sourceId),
        batch.map((page) => page.listedAt?.toISOString() ?? null),
        batch.map((page) => page.refused),
      ],
    );
  }

  /** How many versions of the page under this URL were published, or 0 if none. */
  async versions(url: string): Promise<number> {
    const rows: { versions: number }[] = await this.dataSource.query(
      `SELECT versions FROM fetched_pages WHERE url = $1`,
      [url],
    );
    return rows[0]?.versions ?? 0;
  }
}

function toKnownPage(row: KnownPageRow): KnownPage {
  return {
    url: row.url,
    articleId: row.article_id,
    contentHash: row.content_hash,
    listedAt: row.listed_at,
    refused: row.refused,
  };
}
