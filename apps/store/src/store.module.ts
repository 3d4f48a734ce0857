import { Module } from '@nestjs/common';
import { loadStageConfig } from '@newsflow/config';
import { MessagingModule } from '@newsflow/messaging';
import { ArticlesRepository, DATA_SOURCE, databaseProviders } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';
import { ArticleEnrichedConsumer } from './articles/article-enriched.consumer';

@Module({
  imports: [MessagingModule.forStage('store')],
  controllers: [ArticleEnrichedConsumer],
  providers: [
    ...databaseProviders(() => loadStageConfig('store').DATABASE_URL),
    {
      provide: ArticlesRepository,
      useFactory: (dataSource: DataSource) => new ArticlesRepository(dataSource),
      inject: [DATA_SOURCE],
    },
  ],
})
export class StoreModule {}
