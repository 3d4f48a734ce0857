import { Module } from '@nestjs/common';
import { MessagingModule } from '@newsflow/messaging';
import { ArticleFetchedConsumer } from './articles/article-fetched.consumer';

@Module({
  imports: [MessagingModule.forStage('parser')],
  controllers: [ArticleFetchedConsumer],
})
export class ParserModule {}
