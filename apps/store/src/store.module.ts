import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@newsflow/messaging';
import { ArticlesRepository, DATA_SOURCE, databaseProviders } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';
import { ArticleEnrichedConsumer } from './articles/article-enriched.consumer';
import { STORE_CONFIG } from './config/store.config';
import type { StoreConfig } from './config/store.config';

/** The store, wired from the configuration main.ts read and validated once. */
@Module({})
export class StoreModule {
  static forRoot(config: StoreConfig): DynamicModule {
    return {
      module: StoreModule,
      imports: [MessagingModule.forStage('store', config.kafka)],
      controllers: [ArticleEnrichedConsumer],
      providers: [
        { provide: STORE_CONFIG, useValue: config },
        ...databaseProviders(() => config.database.url),
        {
          provide: ArticlesRepository,
          useFactory: (dataSource: DataSource) => new ArticlesRepository(dataSource),
          inject: [DATA_SOURCE],
        },
      ],
    };
  }
}
