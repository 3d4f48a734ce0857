import { Module } from '@nestjs/common';
import type { DynamicModule, Provider } from '@nestjs/common';
import { EventPublisher, HoldingPublisher, MessagingModule } from '@newsflow/messaging';
import { LOGGER } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import {
  DATA_SOURCE,
  FetchedPagesRepository,
  SourcesRepository,
  databaseProviders,
} from '@newsflow/persistence';
import { FolderSource, archiveOpener, mannersFrom } from '@newsflow/fetching';
import type { ArticleSource, Manners } from '@newsflow/fetching';
import type { DataSource } from 'typeorm';
import { FETCHER_CONFIG } from './config/fetcher.config';
import type { FetcherConfig } from './config/fetcher.config';
import {
  ARTICLE_SOURCES,
  FolderIngestionService,
  INGESTION_SETTINGS,
} from './ingestion/folder-ingestion.service';
import type { IngestionSettings } from './ingestion/folder-ingestion.service';
import { SourceHealthMetrics } from './sources/source-health.metrics';
import { MANNERS, POLLING_SETTINGS, SourcePollingService } from './sources/source-polling.service';
import type { PollingSettings } from './sources/source-polling.service';
import { WARC_READING } from './sources/warc-reading';
import type { WarcReading } from './sources/warc-reading';

/** Each reads its piece of the fetcher's configuration from FETCHER_CONFIG. */
const providers: Provider[] = [
  {
    provide: INGESTION_SETTINGS,
    useFactory: ({ ingestion }: FetcherConfig): IngestionSettings => ingestion,
    inject: [FETCHER_CONFIG],
  },
  {
    provide: ARTICLE_SOURCES,
    useFactory: ({ ingestion, manners }: FetcherConfig): ArticleSource[] =>
      // A one-off ingest reads a finished folder; watching waits for files to hold still.
      ingestion.folders.map(
        (folder) =>
          new FolderSource(folder, { settle: !ingestion.once, maxBytes: manners.maxBytes }),
      ),
    inject: [FETCHER_CONFIG],
  },
  {
    // Pages held while Kafka is away, at most the publisher's own buffer (16 MiB by default)
    // for the folders and the web sources together.
    provide: HoldingPublisher,
    useFactory: (publisher: EventPublisher, logger: Logger) =>
      new HoldingPublisher(publisher, { logger }),
    inject: [EventPublisher, LOGGER],
  },
  FolderIngestionService,
  {
    provide: SourcesRepository,
    useFactory: (dataSource: DataSource) => new SourcesRepository(dataSource),
    inject: [DATA_SOURCE],
  },
  {
    provide: FetchedPagesRepository,
    useFactory: (dataSource: DataSource) => new FetchedPagesRepository(dataSource),
    inject: [DATA_SOURCE],
  },
  {
    provide: POLLING_SETTINGS,
    useFactory: ({ polling }: FetcherConfig): PollingSettings => polling,
    inject: [FETCHER_CONFIG],
  },
  {
    provide: MANNERS,
    useFactory: ({ manners }: FetcherConfig): Manners => mannersFrom(manners),
    inject: [FETCHER_CONFIG],
  },
  {
    // An archive on the web is opened with the pages' user agent and address policy.
    provide: WARC_READING,
    useFactory: ({ manners }: FetcherConfig): WarcReading => ({
      maxBytes: manners.maxBytes,
      openUrl: archiveOpener(manners),
    }),
    inject: [FETCHER_CONFIG],
  },
  SourcePollingService,
  SourceHealthMetrics,
];

/** The fetcher, wired from the configuration main.ts read and validated once. */
@Module({})
export class FetcherModule {
  static forRoot(config: FetcherConfig): DynamicModule {
    return {
      module: FetcherModule,
      imports: [MessagingModule.forStage('fetcher', config.kafka)],
      providers: [
        { provide: FETCHER_CONFIG, useValue: config },
        ...databaseProviders(() => config.database.url),
        ...providers,
      ],
    };
  }
}
