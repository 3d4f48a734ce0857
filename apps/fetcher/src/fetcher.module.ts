import { Module } from '@nestjs/common';
import { loadStageConfig } from '@newsflow/config';
import { EventPublisher, HoldingPublisher, MessagingModule } from '@newsflow/messaging';
import { LOGGER } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import {
  DATA_SOURCE,
  FetchedPagesRepository,
  SourcesRepository,
  databaseProviders,
} from '@newsflow/persistence';
import { FolderSource, mannersFrom } from '@newsflow/sources';
import type { ArticleSource, Manners } from '@newsflow/sources';
import type { DataSource } from 'typeorm';
import {
  ARTICLE_SOURCES,
  FolderIngestionService,
  INGESTION_SETTINGS,
} from './ingestion/folder-ingestion.service';
import type { IngestionSettings } from './ingestion/folder-ingestion.service';
import { SourceHealthMetrics } from './sources/source-health.metrics';
import { MANNERS, POLLING_SETTINGS, SourcePollingService } from './sources/source-polling.service';
import type { PollingSettings } from './sources/source-polling.service';

const config = () => loadStageConfig('fetcher');

@Module({
  imports: [MessagingModule.forStage('fetcher')],
  providers: [
    {
      provide: INGESTION_SETTINGS,
      useFactory: (): IngestionSettings => ({
        pollMs: config().FETCHER_POLL_MS,
        once: config().FETCHER_MODE === 'once',
      }),
    },
    {
      provide: ARTICLE_SOURCES,
      useFactory: (settings: IngestionSettings): ArticleSource[] =>
        // A one-off ingest reads a finished folder; watching waits for files to hold still.
        config().FETCHER_FOLDERS.map(
          (folder) =>
            new FolderSource(folder, {
              settle: !settings.once,
              maxBytes: config().FETCH_MAX_BYTES,
            }),
        ),
      inject: [INGESTION_SETTINGS],
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
    ...databaseProviders(() => config().DATABASE_URL),
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
      useFactory: (): PollingSettings => {
        const c = config();
        return {
          tickMs: c.FETCHER_POLL_MS,
          once: c.FETCHER_MODE === 'once',
          sourcesFile: c.FETCHER_SOURCES_FILE,
          policy: {
            minIntervalMs: c.FETCH_MIN_POLL_MS,
            maxIntervalMs: c.FETCH_MAX_POLL_MS,
            failureBackoffMs: c.FETCH_FAILURE_BACKOFF_MS,
            disableAfterFailures: c.FETCH_DISABLE_AFTER_FAILURES,
          },
          maxPagesPerPoll: c.FETCH_MAX_PAGES_PER_POLL,
          concurrency: c.FETCH_CONCURRENCY,
          leaseMs: c.FETCH_LEASE_MS,
        };
      },
    },
    {
      provide: MANNERS,
      useFactory: (): Manners => {
        const c = config();
        return mannersFrom({
          userAgent: c.FETCH_USER_AGENT,
          allowedNetworks: c.FETCH_ALLOWED_NETWORKS,
          minGapMs: c.FETCH_MIN_GAP_MS,
          maxInFlightPerHost: c.FETCH_MAX_IN_FLIGHT_PER_HOST,
          maxBytes: c.FETCH_MAX_BYTES,
          timeoutMs: c.FETCH_TIMEOUT_MS,
        });
      },
    },
    SourcePollingService,
    SourceHealthMetrics,
  ],
})
export class FetcherModule {}
