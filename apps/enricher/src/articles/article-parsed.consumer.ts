import { Inject } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import type { ArticleParsedV1 } from '@newsflow/contracts';
import { enrichArticle } from '@newsflow/enrichment';
import { OnTopicBatch, EventPublisher, StageConsumer, publishBatch } from '@newsflow/messaging';

/**
 * Parsed articles in, the same articles tagged with countries, topics and entities out: a
 * fetched batch at a time, its output in one go (one produce request where it fits, where a
 * message each cost a request and a wait for its acknowledgement). An article whose output
 * cannot be sent (too large for its topic) is dead-lettered alone.
 */
@StageConsumer()
export class ArticleParsedConsumer {
  constructor(@Inject(EventPublisher) private readonly publisher: EventPublisher) {}

  @OnTopicBatch(Topic.ArticleParsed)
  async onArticlesParsed(batch: ArticleParsedV1[]): Promise<void> {
    await publishBatch(this.publisher, batch, (parsed) => {
      const enriched = enrichArticle(parsed);
      return this.publisher.prepare(Topic.ArticleEnriched, enriched.id, enriched);
    });
  }
}
