import { databaseConfigFrom, databaseEnv, int, loggingEnv, readEnv } from '@newsflow/config';
import type { DatabaseConfig, LogLevel } from '@newsflow/config';
import type { ApiSettings } from '../api-settings';

/**
 * Every variable the read API reads, with its default: validated once, in main.ts. It serves
 * Postgres over HTTP and never touches Kafka.
 */
export const apiEnv = {
  API_PORT: int('port of the read API (/articles, /stats, /docs, /health)', 3000, {
    min: 1,
    max: 65535,
  }),
  ...databaseEnv,
  API_MAX_PAGE_SIZE: int('the largest `limit` a client may ask for', 100, { min: 1, max: 1_000 }),
  ...loggingEnv,
};

export interface ApiConfig {
  port: number;
  logLevel: LogLevel;
  database: DatabaseConfig;
  /** What a request may ask for. */
  settings: ApiSettings;
}

/** The one configuration the read API's providers read, from API_CONFIG. */
export const API_CONFIG = Symbol('API_CONFIG');

/** Reads and validates the read API's environment, listing every bad variable in one error. */
export function loadApiConfig(env?: Readonly<Record<string, string | undefined>>): ApiConfig {
  const v = readEnv(apiEnv, env);
  return {
    port: v.API_PORT,
    logLevel: v.LOG_LEVEL,
    database: databaseConfigFrom(v),
    settings: { maxPageSize: v.API_MAX_PAGE_SIZE },
  };
}
