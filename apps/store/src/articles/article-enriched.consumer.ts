import { Inject } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { OnTopicBatch, StageConsumer } from '@newsflow/messaging';
import { ArticlesRepository } from '@newsflow/persistence';

/**
 * Enriched articles in, rows out: a whole fetched batch in one transaction. The offsets are
 * committed only after it commits; if Postgres is down the runner pauses the partition and
 * retries, so nothing is dropped or dead-lettered for it.
 */
@StageConsumer()
export class ArticleEnrichedConsumer {
  constructor(@Inject(ArticlesRepository) private readonly articles: ArticlesRepository) {}

  @OnTopicBatch(Topic.ArticleEnriched)
  async onArticlesEnriched(batch: ArticleEnrichedV1[]): Promise<void> {
    await this.articles.upsertMany(batch);
  }
}
