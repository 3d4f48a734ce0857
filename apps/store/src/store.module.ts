import { Module } from '@nestjs/common';
import { MessagingModule } from '@newsflow/messaging';
import { ArticlesRepository } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';
import { ArticleEnrichedConsumer } from './articles/article-enriched.consumer';
import { DATA_SOURCE, databaseProviders } from './database.provider';

@Module({
  imports: [MessagingModule.forStage('store')],
  controllers: [ArticleEnrichedConsumer],
  providers: [
    ...databaseProviders,
    {
      provide: ArticlesRepository,
      useFactory: (dataSource: DataSource) => new ArticlesRepository(dataSource),
      inject: [DATA_SOURCE],
    },
  ],
})
export class StoreModule {}
