import { Module } from '@nestjs/common';
import { loadStageConfig } from '@newsflow/config';
import { MessagingModule } from '@newsflow/messaging';
import { FolderSource } from '@newsflow/sources';
import type { ArticleSource } from '@newsflow/sources';
import {
  ARTICLE_SOURCES,
  FolderIngestionService,
  INGESTION_SETTINGS,
} from './ingestion/folder-ingestion.service';
import type { IngestionSettings } from './ingestion/folder-ingestion.service';

@Module({
  imports: [MessagingModule.forStage('fetcher')],
  providers: [
    {
      provide: INGESTION_SETTINGS,
      useFactory: (): IngestionSettings => {
        const config = loadStageConfig('fetcher');
        return { pollMs: config.FETCHER_POLL_MS, once: config.FETCHER_MODE === 'once' };
      },
    },
    {
      provide: ARTICLE_SOURCES,
      useFactory: (settings: IngestionSettings): ArticleSource[] =>
        // A one-off ingest reads a finished folder; watching waits for files to hold still.
        loadStageConfig('fetcher').FETCHER_FOLDERS.map(
          (folder) => new FolderSource(folder, { settle: !settings.once }),
        ),
      inject: [INGESTION_SETTINGS],
    },
    FolderIngestionService,
  ],
})
export class FetcherModule {}
