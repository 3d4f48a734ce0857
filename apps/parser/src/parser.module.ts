import { Module } from '@nestjs/common';
import { loadStageConfig } from '@newsflow/config';
import type { ExtractionLimits } from '@newsflow/extraction';
import { MessagingModule } from '@newsflow/messaging';
import { ArticleFetchedConsumer, EXTRACTION_LIMITS } from './articles/article-fetched.consumer';

@Module({
  imports: [MessagingModule.forStage('parser')],
  controllers: [ArticleFetchedConsumer],
  providers: [
    {
      provide: EXTRACTION_LIMITS,
      useFactory: (): ExtractionLimits => {
        const config = loadStageConfig('parser');
        return {
          maxChars: config.PARSER_MAX_DOCUMENT_CHARS,
          maxDepth: config.PARSER_MAX_DEPTH,
          timeBudgetMs: config.PARSER_TIME_BUDGET_MS,
        };
      },
    },
  ],
})
export class ParserModule {}
