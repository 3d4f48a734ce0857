import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import type { ExtractionLimits } from '@newsflow/extraction';
import { MessagingModule } from '@newsflow/messaging';
import { ArticleFetchedConsumer, EXTRACTION_LIMITS } from './articles/article-fetched.consumer';
import { PARSER_CONFIG } from './config/parser.config';
import type { ParserConfig } from './config/parser.config';

/** The parser, wired from the configuration main.ts read and validated once. */
@Module({})
export class ParserModule {
  static forRoot(config: ParserConfig): DynamicModule {
    return {
      module: ParserModule,
      imports: [MessagingModule.forStage('parser', config.kafka)],
      controllers: [ArticleFetchedConsumer],
      providers: [
        { provide: PARSER_CONFIG, useValue: config },
        {
          provide: EXTRACTION_LIMITS,
          useFactory: ({ extraction }: ParserConfig): ExtractionLimits => extraction,
          inject: [PARSER_CONFIG],
        },
      ],
    };
  }
}
