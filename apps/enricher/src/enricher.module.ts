import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@newsflow/messaging';
import { DATA_SOURCE, StoriesRepository, databaseProviders } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';
import { ArticleParsedConsumer } from './articles/article-parsed.consumer';
import { ENRICHER_CONFIG } from './config/enricher.config';
import type { EnricherConfig } from './config/enricher.config';
import { StoryAssigner } from './stories/story-assigner';

/** The enricher, wired from the configuration main.ts read and validated once. */
@Module({})
export class EnricherModule {
  static forRoot(config: EnricherConfig): DynamicModule {
    return {
      module: EnricherModule,
      imports: [MessagingModule.forStage('enricher', config.kafka)],
      controllers: [ArticleParsedConsumer],
      providers: [
        { provide: ENRICHER_CONFIG, useValue: config },
        ...databaseProviders(() => config.database.url),
        {
          provide: StoriesRepository,
          useFactory: (dataSource: DataSource) => new StoriesRepository(dataSource),
          inject: [DATA_SOURCE],
        },
        StoryAssigner,
      ],
    };
  }
}
