import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { loadApiConfig } from '@newsflow/config';
import { LOGGER, jsonLogger } from '@newsflow/runtime';
import { ArticlesReader, DATA_SOURCE, databaseProviders } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';
import { API_SETTINGS } from './api-settings';
import type { ApiSettings } from './api-settings';
import { ArticlesController } from './articles/articles.controller';
import { DatabaseErrorsFilter } from './database-errors.filter';
import { HealthController } from './health.controller';
import { QueryGate, QueryGateInterceptor } from './query-gate';
import { StatsController } from './stats/stats.controller';

/** The read API: Postgres over HTTP, GET routes only. */
@Module({
  controllers: [ArticlesController, StatsController, HealthController],
  providers: [
    { provide: LOGGER, useFactory: () => jsonLogger('api', loadApiConfig().LOG_LEVEL) },
    ...databaseProviders(() => loadApiConfig().DATABASE_URL),
    {
      provide: ArticlesReader,
      useFactory: (dataSource: DataSource) => new ArticlesReader(dataSource),
      inject: [DATA_SOURCE],
    },
    {
      provide: API_SETTINGS,
      useFactory: (): ApiSettings => ({ maxPageSize: loadApiConfig().API_MAX_PAGE_SIZE }),
    },
    // One gate for the whole process: it bounds the queries running on the shared pool.
    { provide: QueryGate, useValue: new QueryGate() },
    QueryGateInterceptor,
    { provide: APP_FILTER, useClass: DatabaseErrorsFilter },
  ],
})
export class ApiModule {}
