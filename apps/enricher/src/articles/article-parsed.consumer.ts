import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Topic } from '@newsflow/contracts';
import type { ArticleParsedV1 } from '@newsflow/contracts';
import { enrichArticle } from '@newsflow/enrichment';
import { EventPublisher, StageConsumer } from '@newsflow/messaging';

/** Parsed article in, the same article tagged with countries, topics and entities out. */
@StageConsumer()
export class ArticleParsedConsumer {
  constructor(@Inject(EventPublisher) private readonly publisher: EventPublisher) {}

  @EventPattern(Topic.ArticleParsed)
  async onArticleParsed(@Payload() parsed: ArticleParsedV1): Promise<void> {
    const enriched = enrichArticle(parsed);
    await this.publisher.publish(Topic.ArticleEnriched, enriched.id, enriched);
  }
}
