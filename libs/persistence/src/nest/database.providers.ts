import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { DEPENDENCY_BACKOFF, LOGGER, backoffDelay, errorMessage } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import type { DataSource } from 'typeorm';
import { connectMigrated } from '../data-source';
import { isDatabaseUnavailable } from '../database-errors';

/** The connected, migrated DataSource a service's repositories are built on. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

/**
 * Connects to Postgres and brings the schema up to date before the service starts its work.
 * A database that is not up yet is waited for, as consumers wait out an outage later.
 */
export async function connectDatabase(url: string, logger: Logger): Promise<DataSource> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connectMigrated(url);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
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

/** DATA_SOURCE for a Nest module, closed when the application shuts down. */
export function databaseProviders(databaseUrl: () => string): Provider[] {
  return [
    {
      provide: DATA_SOURCE,
      useFactory: (logger: Logger) => connectDatabase(databaseUrl(), logger),
      inject: [LOGGER],
    },
    DatabaseLifecycle,
  ];
}
