import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { loadStageConfig } from '@newsflow/config';
import {
  DEPENDENCY_BACKOFF,
  MESSAGING_LOGGER,
  backoffDelay,
  classifyFailure,
  errorMessage,
} from '@newsflow/messaging';
import type { MessagingLogger } from '@newsflow/messaging';
import { createDataSource, runMigrations } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

/**
 * Connects to Postgres and brings the schema up to date before the store consumes anything.
 * A database that is not up yet is waited for, as the consumer waits out an outage later.
 */
export async function connectDatabase(logger: MessagingLogger): Promise<DataSource> {
  const { DATABASE_URL } = loadStageConfig('store');
  for (let attempt = 1; ; attempt += 1) {
    const dataSource = createDataSource(DATABASE_URL);
    try {
      await dataSource.initialize();
      await runMigrations(dataSource);
      return dataSource;
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (classifyFailure(error).kind !== 'dependency') throw error;
      const delay = backoffDelay(attempt, DEPENDENCY_BACKOFF);
      logger.warn(
        { attempt, retryInMs: delay, error: errorMessage(error) },
        'Postgres unavailable; waiting',
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export const databaseProviders = [
  { provide: DATA_SOURCE, useFactory: connectDatabase, inject: [MESSAGING_LOGGER] },
  DatabaseLifecycle,
];
