import { Inject } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import type { ArticleParsedV1 } from '@newsflow/contracts';
import { enrichArticle } from '@newsflow/enrichment';
import { OnTopicBatch, EventPublisher, StageConsumer, publishBatch } from '@newsflow/messaging';
import { StoryAssigner } from '../stories/story-assigner';
import type { StoryFields } from '../stories/story-assigner';

/**
 * Parsed articles in, the same articles tagged with countries, topics and entities out: a
 * fetched batch at a time, its output in one go (one produce request where it fits, where a
 * message each cost a request and a wait for its acknowledgement). An article whose output
 * cannot be sent (too large for its topic) is dead-lettered alone.
 *
 * Each article's story is assigned first, one after the other: two copies of one story in the
 * same batch then meet in the index like copies in two batches do. An unavailable Postgres
 * makes the batch wait (the runner's rule for DependencyUnavailableError); nothing is published
 * without its story.
 */
@StageConsumer()
export class ArticleParsedConsumer {
  constructor(
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(StoryAssigner) private readonly stories: StoryAssigner,
  ) {}

  @OnTopicBatch(Topic.ArticleParsed)
  async onArticlesParsed(batch: ArticleParsedV1[]): Promise<void> {
    const storyOf = new Map<ArticleParsedV1, StoryFields | null>();
    for (const parsed of batch) storyOf.set(parsed, await this.stories.storyOf(parsed));
    await publishBatch(this.publisher, batch, (parsed) => {
      const enriched = { ...enrichArticle(parsed), ...storyOf.get(parsed) };
      return this.publisher.prepare(Topic.ArticleEnriched, enriched.id, enriched);
    });
  }
}
