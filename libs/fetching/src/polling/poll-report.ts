import type { ArticleFetchedV1 } from '@newsflow/contracts';
import type { PageRecord } from './page-memory';

/**
 * What became of a page handed over for publishing: published; refused for good (too large for
 * the topic); or dropped because the publisher stopped first (offered again next poll).
 */
export type PublishOutcome =
  | { status: 'published' }
  | { status: 'refused'; reason: string }
  | { status: 'dropped'; reason: string };

/**
 * Takes a page to publish. Resolves once the page is taken, so the poll fetches the next while
 * it is in flight and waits while the publisher is full (a broker away slows the poll instead of
 * piling pages up), with what became of the page to come.
 */
export type PublishPage = (
  message: ArticleFetchedV1,
) => Promise<{ outcome: Promise<PublishOutcome> }>;

/** A page that cannot be carried: over FETCH_MAX_BYTES, or too large for the topic as JSON. */
export interface RefusedPage {
  url: string;
  reason: string;
}

export interface SkippedPage {
  url: string;
  reason: string;
  /** A page that may be had later (a timeout, a 503); not robots, the address policy or a 404. */
  retryable: boolean;
}

/** What one poll of a source came to. */
export type SourcePoll =
  | { kind: 'not-modified' }
  | {
      kind: 'polled';
      /** Null when this copy must not be reused: some listed pages are still to be fetched. */
      etag: string | null;
      lastModified: string | null;
      /** Pages listed by the source (a plain page lists itself). */
      listed: number;
      /** New pages and updated ones that were published. */
      published: number;
      refused: RefusedPage[];
      /** Pages handed over but not sent because the publisher stopped: fetched again next poll. */
      dropped: number;
      /** The pages to remember: published, refused, and fetched copies the memory had already. */
      records: PageRecord[];
      skipped: SkippedPage[];
    };
