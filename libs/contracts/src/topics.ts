import type { ArticleEnrichedV1 } from './messages/article-enriched.v1';
import type { ArticleFetchedV1 } from './messages/article-fetched.v1';
import type { ArticleParsedV1 } from './messages/article-parsed.v1';
import type { DeadLetterV1 } from './messages/dead-letter.v1';

/** Every topic the pipeline produces. Nothing else in the codebase spells a topic name. */
export const Topic = {
  ArticleFetched: 'news.article.fetched.v1',
  ArticleParsed: 'news.article.parsed.v1',
  ArticleEnriched: 'news.article.enriched.v1',
} as const;

export type ArticleTopic = (typeof Topic)[keyof typeof Topic];

/** The dead-letter twin of a topic: `<topic>.dlq`. */
export type DeadLetterTopic = `${ArticleTopic}.dlq`;

export function deadLetterTopicOf<T extends ArticleTopic>(topic: T): `${T}.dlq` {
  return `${topic}.dlq`;
}

/** Ties each topic to the one payload type allowed on it: the publisher is typed by this map. */
export interface TopicPayloads {
  [Topic.ArticleFetched]: ArticleFetchedV1;
  [Topic.ArticleParsed]: ArticleParsedV1;
  [Topic.ArticleEnriched]: ArticleEnrichedV1;
  'news.article.fetched.v1.dlq': DeadLetterV1;
  'news.article.parsed.v1.dlq': DeadLetterV1;
  'news.article.enriched.v1.dlq': DeadLetterV1;
}

export type AnyTopic = keyof TopicPayloads;

export const ALL_ARTICLE_TOPICS: readonly ArticleTopic[] = Object.values(Topic);
export const ALL_TOPICS: readonly AnyTopic[] = ALL_ARTICLE_TOPICS.flatMap((t) => [
  t,
  deadLetterTopicOf(t),
]);

/**
 * Operators' record of the dead letters they replayed (`newsctl dlq replay`): one message per
 * replay, keyed by the letter's id, on a compacted topic, so the last replay of each letter is
 * kept. No stage reads it, so it is not in TopicPayloads (nor in ALL_TOPICS); its record type
 * lives with the code that writes it, in libs/messaging.
 */
export const DEAD_LETTER_REPLAYS_TOPIC = 'news.dead-letter.replayed.v1';
