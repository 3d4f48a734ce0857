import {
  databaseConfigFrom,
  databaseEnv,
  int,
  kafkaConfigFrom,
  kafkaEnv,
  list,
  mannersConfigFrom,
  mannersEnv,
  oneOf,
  readEnv,
  str,
} from '@newsflow/config';
import type { DatabaseConfig, KafkaConfig, MannersConfig } from '@newsflow/config';
import type { IngestionSettings } from '../ingestion/folder-ingestion.service';
import type { PollingSettings } from '../sources/source-polling.service';

/** Every variable the fetcher reads, with its default: validated once, in main.ts. */
export const fetcherEnv = {
  ...kafkaEnv,
  ...databaseEnv,
  HTTP_PORT: int('port of /health and /metrics', 3001, { min: 1, max: 65535 }),
  FETCHER_FOLDERS: list('folders of saved pages (.html, .txt, .json) to watch', ['samples']),
  FETCHER_POLL_MS: int(
    'how often the folders are scanned and due sources looked for, in ms',
    1000,
    {
      min: 50,
    },
  ),
  FETCHER_MODE: oneOf(
    'watch the folders and poll the sources all day, or read each once and exit',
    ['watch', 'once'] as const,
    'watch',
  ),
  FETCHER_SOURCES_FILE: str('JSON file of sources added at start; empty for none', ''),
  ...mannersEnv,
  FETCH_MIN_POLL_MS: int('shortest interval between polls of one source, in ms', 60_000, {
    min: 100,
  }),
  FETCH_MAX_POLL_MS: int('longest interval between polls of one source, in ms', 3_600_000, {
    min: 100,
  }),
  FETCH_FAILURE_BACKOFF_MS: int('first wait after a failed poll; doubles per failure', 60_000, {
    min: 100,
  }),
  FETCH_DISABLE_AFTER_FAILURES: int('failed polls in a row that disable a source', 10, { min: 1 }),
  FETCH_MAX_PAGES_PER_POLL: int('pages fetched per poll of a source; the rest wait', 50, {
    min: 1,
  }),
  FETCH_CONCURRENCY: int('sources one fetcher polls at the same time', 4, { min: 1 }),
  FETCH_LEASE_MS: int('how long a fetcher holds a source it polls; then others may', 600_000, {
    min: 1_000,
  }),
};

export interface FetcherConfig {
  kafka: KafkaConfig;
  database: DatabaseConfig;
  httpPort: number;
  /** `once`: read each folder and due source once, then exit. */
  mode: 'watch' | 'once';
  /** The folders of saved pages. */
  ingestion: IngestionSettings & { folders: string[] };
  /** The web sources in Postgres. */
  polling: PollingSettings;
  /** How every request to a site behaves; `maxBytes` also bounds a saved file. */
  manners: MannersConfig;
}

/** The one configuration the fetcher's providers read, from FETCHER_CONFIG. */
export const FETCHER_CONFIG = Symbol('FETCHER_CONFIG');

/** Reads and validates the fetcher's environment, listing every bad variable in one error. */
export function loadFetcherConfig(
  env?: Readonly<Record<string, string | undefined>>,
): FetcherConfig {
  const v = readEnv(fetcherEnv, env);
  const once = v.FETCHER_MODE === 'once';
  return {
    kafka: kafkaConfigFrom(v),
    database: databaseConfigFrom(v),
    httpPort: v.HTTP_PORT,
    mode: v.FETCHER_MODE,
    ingestion: { folders: v.FETCHER_FOLDERS, pollMs: v.FETCHER_POLL_MS, once },
    polling: {
      tickMs: v.FETCHER_POLL_MS,
      once,
      sourcesFile: v.FETCHER_SOURCES_FILE,
      policy: {
        minIntervalMs: v.FETCH_MIN_POLL_MS,
        maxIntervalMs: v.FETCH_MAX_POLL_MS,
        failureBackoffMs: v.FETCH_FAILURE_BACKOFF_MS,
        disableAfterFailures: v.FETCH_DISABLE_AFTER_FAILURES,
      },
      maxPagesPerPoll: v.FETCH_MAX_PAGES_PER_POLL,
      concurrency: v.FETCH_CONCURRENCY,
      leaseMs: v.FETCH_LEASE_MS,
    },
    manners: mannersConfigFrom(v),
  };
}
