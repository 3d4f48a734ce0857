import { Module } from '@nestjs/common';
import { MessagingModule } from '@newsflow/messaging';
import { ArticleParsedConsumer } from './articles/article-parsed.consumer';

@Module({
  imports: [MessagingModule.forStage('enricher')],
  controllers: [ArticleParsedConsumer],
})
export class EnricherModule {}
