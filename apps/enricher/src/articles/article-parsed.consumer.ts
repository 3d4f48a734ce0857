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
 * Each article's story is assigned first, STORY_ASSIGNMENTS_IN_FLIGHT at a time: two copies of
 * one story in the same batch meet in the index as copies in two batches do (the band locks put
 * one after the other). An unavailable Postgres makes the batch wait (the runner's rule for
 * DependencyUnavailableError); nothing is published without its story.
 */
/**
 * Story assignments in flight for one batch: each is a short transaction that waits mostly on
 * Postgres's commit, so four overlap well (`npm run bench:stories -- --index`); the pool has 10
 * connections.
 */
export const STORY_ASSIGNMENTS_IN_FLIGHT = 4;

@StageConsumer()
export class ArticleParsedConsumer {
  constructor(
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(StoryAssigner) private readonly stories: StoryAssigner,
  ) {}

  @OnTopicBatch(Topic.ArticleParsed)
  async onArticlesParsed(batch: ArticleParsedV1[]): Promise<void> {
    const storyOf = new Map<ArticleParsedV1, StoryFields | null>();
    for (let at = 0; at < batch.length; at += STORY_ASSIGNMENTS_IN_FLIGHT) {
      const chunk = batch.slice(at, at + STORY_ASSIGNMENTS_IN_FLIGHT);
      const stories = await Promise.all(chunk.map((parsed) => this.stories.storyOf(parsed)));
      chunk.forEach((parsed, i) => storyOf.set(parsed, stories[i] ?? null));
    }
    await publishBatch(this.publisher, batch, (parsed) => {
      const enriched = { ...enrichArticle(parsed), ...storyOf.get(parsed) };
      return this.publisher.prepare(Topic.ArticleEnriched, enriched.id, enriched);
    });
  }
}
