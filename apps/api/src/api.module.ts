import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LOGGER, jsonLogger } from '@newsflow/runtime';
import { ArticlesReader, DATA_SOURCE, databaseProviders } from '@newsflow/persistence';
import type { DataSource } from 'typeorm';
import { API_SETTINGS } from './api-settings';
import type { ApiSettings } from './api-settings';
import { ArticlesController } from './articles/articles.controller';
import { API_CONFIG } from './config/api.config';
import type { ApiConfig } from './config/api.config';
import { DatabaseErrorsFilter } from './database-errors.filter';
import { HealthController } from './health.controller';
import { QueryGate, QueryGateInterceptor } from './query-gate';
import { StatsController } from './stats/stats.controller';
import { StoriesController } from './stories/stories.controller';

/** The read API: Postgres over HTTP, GET routes only, wired from the configuration main.ts read. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      controllers: [ArticlesController, StatsController, StoriesController, HealthController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: LOGGER,
          useFactory: ({ logLevel }: ApiConfig) => jsonLogger('api', logLevel),
          inject: [API_CONFIG],
        },
        ...databaseProviders(() => config.database.url),
        {
          provide: ArticlesReader,
          useFactory: (dataSource: DataSource) => new ArticlesReader(dataSource),
          inject: [DATA_SOURCE],
        },
        {
          provide: API_SETTINGS,
          useFactory: ({ settings }: ApiConfig): ApiSettings => settings,
          inject: [API_CONFIG],
        },
        // One gate for the whole process: it bounds the queries running on the shared pool.
        { provide: QueryGate, useValue: new QueryGate() },
        QueryGateInterceptor,
        { provide: APP_FILTER, useClass: DatabaseErrorsFilter },
      ],
    };
  }
}
