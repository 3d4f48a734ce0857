import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';

/**
 * The example enriched message (the seed: Russia and Qatar, in English) under another id, with
 * a content hash of its own and any changes. Copied through JSON: the example is frozen.
 */
export function enrichedArticle(
  id: string,
  changes: Partial<ArticleEnrichedV1> = {},
): ArticleEnrichedV1 {
  const copy = JSON.parse(JSON.stringify(exampleArticleEnriched)) as ArticleEnrichedV1;
  return { ...copy, id, contentHash: `${id}-v1`, ...changes };
}

/** A German article about Germany and the economy, from the source `feed-de`. */
export function germanEconomyArticle(id: string, title = 'Die Wirtschaft wächst wieder') {
  const text = 'Die deutsche Wirtschaft wächst im dritten Quartal, meldet das Bundesamt.';
  return enrichedArticle(id, {
    title,
    lead: null,
    paragraphs: [text],
    bodyText: text,
    language: 'de',
    publishedAt: '2025-10-30T08:00:00.000Z',
    source: { id: 'feed-de', kind: 'feed', name: 'Zeitung' },
    countries: [{ code: 'DE', mentions: 2, salience: 0.9, evidence: ['deutsche'], focus: true }],
    topics: [
      { code: 'medtop:04000000', label: 'economy, business and finance', score: 0.8, level: 1 },
    ],
    entities: [],
  });
}

/**
 * A Kafka message's value as JSON, or null when it is none: suites share the topics, and some
 * leave poison messages in them on purpose. A reader that threw would be stuck on them.
 */
export function jsonOrNull<T>(value: Buffer | null | undefined): T | null {
  try {
    return JSON.parse(value?.toString() ?? 'null') as T | null;
  } catch {
    return null;
  }
}
