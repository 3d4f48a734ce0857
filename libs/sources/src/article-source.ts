import type { ArticleFetchedV1, SourceRefV1 } from '@newsflow/contracts';

/**
 * Anything the fetcher can pull articles from: a folder of saved pages now; feeds, sitemaps and
 * URL lists implement the same interface. `poll` returns what is new since the last
 * acknowledged poll, so a source can run once (one poll) or all day (a poll every interval).
 * Documents are offered again until `acknowledge` says they were published: a broker outage
 * between the two loses nothing.
 */
export interface ArticleSource {
  readonly ref: SourceRefV1;
  poll(now?: Date): Promise<ArticleFetchedV1[]>;
  acknowledge(documents: readonly ArticleFetchedV1[]): void;
}

/** One poll, handed to `publish`, acknowledged only once `publish` resolved. */
export async function pollAndPublish(
  source: ArticleSource,
  publish: (documents: ArticleFetchedV1[]) => Promise<void>,
  now?: Date,
): Promise<ArticleFetchedV1[]> {
  const documents = await source.poll(now);
  if (documents.length === 0) return documents;
  await publish(documents);
  source.acknowledge(documents);
  return documents;
}
