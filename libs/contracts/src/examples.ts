import articleEnrichedJson from './fixtures/article-enriched.v1.json';
import articleFetchedJson from './fixtures/article-fetched.v1.json';
import articleParsedJson from './fixtures/article-parsed.v1.json';
import deadLetterJson from './fixtures/dead-letter.v1.json';
import type { ArticleEnrichedV1 } from './messages/article-enriched.v1';
import type { ArticleFetchedV1 } from './messages/article-fetched.v1';
import type { ArticleParsedV1 } from './messages/article-parsed.v1';
import type { DeadLetterV1 } from './messages/dead-letter.v1';
import { deadLetterTopicOf, Topic } from './topics';
import type { AnyTopic, TopicPayloads } from './topics';
import { assertValid } from './validation';

// Valid messages for tests in any library: one story (the Sputnik seed page, saved in a folder)
// as it moves through the pipeline. The JSON files in ./fixtures are the single source; here they
// are checked against their schemas at load and typed. They are deeply frozen, because tests
// share them: copy (`structuredClone`, or spread with overrides) before changing anything.

export const exampleArticleFetched: ArticleFetchedV1 = example(
  Topic.ArticleFetched,
  articleFetchedJson,
);

export const exampleArticleParsed: ArticleParsedV1 = example(
  Topic.ArticleParsed,
  articleParsedJson,
);

export const exampleArticleEnriched: ArticleEnrichedV1 = example(
  Topic.ArticleEnriched,
  articleEnrichedJson,
);

/** The enricher dead-lettering a parsed message that has no title. */
export const exampleDeadLetter: DeadLetterV1 = example(
  deadLetterTopicOf(Topic.ArticleParsed),
  deadLetterJson,
);

/** One example per topic: the story's message on each, and the dead letter on every `.dlq`. */
export const examplesByTopic: { readonly [T in AnyTopic]: TopicPayloads[T] } = {
  [Topic.ArticleFetched]: exampleArticleFetched,
  [Topic.ArticleParsed]: exampleArticleParsed,
  [Topic.ArticleEnriched]: exampleArticleEnriched,
  [deadLetterTopicOf(Topic.ArticleFetched)]: exampleDeadLetter,
  [deadLetterTopicOf(Topic.ArticleParsed)]: exampleDeadLetter,
  [deadLetterTopicOf(Topic.ArticleEnriched)]: exampleDeadLetter,
};

/** JSON imports are typed loosely (`kind: string`): the schema check is what makes them typed. */
function example<T extends AnyTopic>(topic: T, json: unknown): TopicPayloads[T] {
  assertValid(topic, json);
  return deepFreeze(json);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
