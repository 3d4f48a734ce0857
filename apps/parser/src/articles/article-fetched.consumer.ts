import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { ExtractionError, extractArticle } from '@newsflow/extraction';
import type { ExtractionLimits } from '@newsflow/extraction';
import { EventPublisher, StageConsumer, UnprocessableError } from '@newsflow/messaging';

export const EXTRACTION_LIMITS = Symbol('EXTRACTION_LIMITS');

/** Fetched page in, structured article out. The payload arrives already schema-checked. */
@StageConsumer()
export class ArticleFetchedConsumer {
  constructor(
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(EXTRACTION_LIMITS) private readonly limits: ExtractionLimits,
  ) {}

  @EventPattern(Topic.ArticleFetched)
  async onArticleFetched(@Payload() fetched: ArticleFetchedV1): Promise<void> {
    const parsed = this.extract(fetched);
    await this.publisher.publish(Topic.ArticleParsed, parsed.id, parsed);
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
