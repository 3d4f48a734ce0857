import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { sourceIdFromUrl } from '@newsflow/sources';
import type { SourceReading } from '@newsflow/sources';
import { reasonOf } from '../http/polite-fetch';
import type { Manners } from '../http/polite-fetch';
import { NO_MEMORY } from './page-memory';
import type { PublishPage } from './poll-report';
import { pollSource } from './source-poll';

export interface PreviewOptions extends Manners {
  /** At most this many pages of a feed or sitemap are fetched. */
  limit: number;
  /** How to read the source; by default told from its body. */
  kind?: SourceReading;
}

export type PreviewLine =
  | { kind: 'article'; message: ArticleFetchedV1 }
  | { kind: 'skipped'; url: string; reason: string };

/**
 * What a source gives right now, as fetched-article messages, without Kafka or Postgres: one
 * poll as the fetcher makes it (pollSource, with the same manners), with a memory that holds
 * nothing, so every listed page is new. Pages that cannot be had are reported as skipped lines
 * with the reason; a source that cannot be had is one skipped line.
 */
export async function* previewSource(
  sourceUrl: string,
  options: PreviewOptions,
): AsyncGenerator<PreviewLine> {
  const source = {
    id: sourceIdFromUrl(sourceUrl),
    url: sourceUrl,
    kind: options.kind ?? 'auto',
    name: new URL(sourceUrl).hostname,
    etag: null,
    lastModified: null,
  };
  // A dry run publishes nothing: each page the poll would publish becomes a line, in order.
  const articles: ArticleFetchedV1[] = [];
  const keep: PublishPage = (message) => {
    articles.push(message);
    return Promise.resolve({ outcome: Promise.resolve({ status: 'published' as const }) });
  };
  let poll;
  try {
    poll = await pollSource(source, options, NO_MEMORY, options.limit, keep);
  } catch (error) {
    yield { kind: 'skipped', url: sourceUrl, reason: reasonOf(error) };
    return;
  }
  if (poll.kind === 'not-modified') return;
  for (const message of articles) yield { kind: 'article', message };
  for (const page of [...poll.refused, ...poll.skipped]) {
    yield { kind: 'skipped', url: page.url, reason: page.reason };
  }
}
