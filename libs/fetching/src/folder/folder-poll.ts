import type { ArticleFetchedV1, SourceRefV1 } from '@newsflow/contracts';
import type { PublishOutcome, PublishPage } from '../polling/poll-report';

/** One thing a folder offers: a document to publish, or one it refuses to carry, and why. */
export type OfferedItem =
  | { kind: 'document'; key: string; document: ArticleFetchedV1 }
  | { kind: 'refused'; key: string; reason: string };

/**
 * What a folder offers, one item at a time (see FolderSource): `offers` gives what is new since
 * the items last acknowledged, so a folder of a thousand pages is never held whole. Items are
 * offered again until `acknowledge(key)` says they were published or refused for good, so a
 * broker outage between the two loses nothing.
 */
export interface OfferingSource {
  readonly ref: SourceRefV1;
  offers(now?: Date): AsyncIterable<OfferedItem>;
  acknowledge(key: string): void;
}

/** What one poll of an OfferingSource came to. */
export interface SourceReport {
  published: string[];
  refused: { key: string; reason: string }[];
  /** Handed over but not sent (the publisher stopped): offered again next poll. */
  dropped: number;
}

/**
 * One poll, streamed: each document goes to `publish` as it is read (which waits while the
 * publisher is full), and is acknowledged once its outcome is known, so memory holds the
 * documents in flight, not the folder. `onOutcome` hears of each item as it settles.
 */
export async function pollAndPublish(
  source: OfferingSource,
  publish: PublishPage,
  options: {
    now?: Date;
    /** Hears of each item as it settles, with the bytes of its text (0 for a refused one). */
    onOutcome?: (key: string, outcome: PublishOutcome, bytes: number) => void;
  } = {},
): Promise<SourceReport> {
  const report: SourceReport = { published: [], refused: [], dropped: 0 };
  const settle = (key: string, outcome: PublishOutcome, bytes: number) => {
    if (outcome.status === 'published') report.published.push(key);
    else if (outcome.status === 'refused') report.refused.push({ key, reason: outcome.reason });
    else report.dropped += 1;
    if (outcome.status !== 'dropped') source.acknowledge(key);
    options.onOutcome?.(key, outcome, bytes);
  };
  const pending: Promise<void>[] = [];
  for await (const item of source.offers(options.now)) {
    if (item.kind === 'refused') {
      settle(item.key, { status: 'refused', reason: item.reason }, 0);
      continue;
    }
    // Only the key is kept past this point: the document (the page's text) is let go once the
    // publisher has taken its bytes.
    const { key } = item;
    const bytes = Buffer.byteLength(item.document.body);
    const { outcome } = await publish(item.document);
    pending.push(outcome.then((result) => settle(key, result, bytes)));
  }
  await Promise.all(pending);
  return report;
}
