import { Inject } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { ExtractionError, extractArticle } from '@newsflow/extraction';
import type { ExtractionLimits } from '@newsflow/extraction';
import { OnTopicBatch, EventPublisher, StageConsumer, publishBatch } from '@newsflow/messaging';
import { UnprocessableError } from '@newsflow/runtime';

export const EXTRACTION_LIMITS = Symbol('EXTRACTION_LIMITS');

/**
 * Fetched pages in, structured articles out: a fetched batch at a time, its output in one go
 * (one produce request where it fits, where a page each cost a request and a wait for its
 * acknowledgement). A page with no article in it, or one past a limit, is dead-lettered alone.
 * The payloads arrive already schema-checked.
 */
@StageConsumer()
export class ArticleFetchedConsumer {
  constructor(
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(EXTRACTION_LIMITS) private readonly limits: ExtractionLimits,
  ) {}

  @OnTopicBatch(Topic.ArticleFetched)
  async onArticlesFetched(batch: ArticleFetchedV1[]): Promise<void> {
    await publishBatch(this.publisher, batch, (fetched) => {
      const parsed = this.extract(fetched);
      return this.publisher.prepare(Topic.ArticleParsed, parsed.id, parsed);
    });
  }

  private extract(fetched: ArticleFetchedV1) {
    try {
      return extractArticle(fetched, { limits: this.limits });
    } catch (error) {
      // A page with no article in it, or past a limit, will not do better on a retry: dead-letter
      // it, with the code (too-large, no-article-text…) first in the reason.
      if (error instanceof ExtractionError)
        throw new UnprocessableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
