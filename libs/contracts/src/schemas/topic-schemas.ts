import { deadLetterTopicOf, Topic } from '../topics';
import type { AnyTopic } from '../topics';
import { articleEnrichedV1Schema } from './article-enriched.v1.schema';
import { articleFetchedV1Schema } from './article-fetched.v1.schema';
import { articleParsedV1Schema } from './article-parsed.v1.schema';
import { deadLetterV1Schema } from './dead-letter.v1.schema';

/**
 * The JSON Schema of every topic's value, for a consumer that validates what it reads (or a
 * document generator). Every dead-letter topic carries DeadLetterV1.
 */
export const topicSchemas = {
  [Topic.ArticleFetched]: articleFetchedV1Schema,
  [Topic.ArticleParsed]: articleParsedV1Schema,
  [Topic.ArticleEnriched]: articleEnrichedV1Schema,
  [deadLetterTopicOf(Topic.ArticleFetched)]: deadLetterV1Schema,
  [deadLetterTopicOf(Topic.ArticleParsed)]: deadLetterV1Schema,
  [deadLetterTopicOf(Topic.ArticleEnriched)]: deadLetterV1Schema,
} as const satisfies Record<AnyTopic, object>;
