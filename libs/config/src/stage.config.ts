import { int, list, oneOf, readEnv, str } from './env-schema';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Every variable a stage reads, with its default: the README's configuration table is this
 * list. Each service reads the common ones plus its own.
 */
export const stageEnv = {
  parser: {
    HTTP_PORT: int('port of /health and /metrics', 3002, { min: 1, max: 65535 }),
    PARSER_MAX_DOCUMENT_CHARS: int('larger documents are dead-lettered as too-large', 5_000_000, {
      min: 1,
    }),
    PARSER_MAX_DEPTH: int('deeper element nesting is dead-lettered as too-deep', 500, { min: 10 }),
    PARSER_TIME_BUDGET_MS: int('slower extractions are dead-lettered as time-budget', 2_000, {
      min: 1,
    }),
  },
  enricher: { HTTP_PORT: int('port of /health and /metrics', 3003, { min: 1, max: 65535 }) },
  store: {
    HTTP_PORT: int('port of /health and /metrics', 3004, { min: 1, max: 65535 }),
    DATABASE_URL: str('Postgres connection URL', DATABASE_URL),
  },
  fetcher: {
    HTTP_PORT: int('port of /health and /metrics', 3001, { min: 1, max: 65535 }),
    FETCHER_FOLDERS: list('folders of saved pages (.html, .txt, .json) to watch', ['samples']),
    FETCHER_POLL_MS: int(
      'how often the folders are scanned and due sources looked for, in ms',
      1000,
      { min: 50 },
    ),
    FETCHER_MODE: oneOf(
      'watch the folders and poll the sources all day, or read each once and exit',
      ['watch', 'once'] as const,
      'watch',
    ),
    DATABASE_URL: str('Postgres connection URL (sources and their polling state)', DATABASE_URL),
    FETCHER_SOURCES_FILE: str('JSON file of sources added at start; empty for none', ''),
    FETCH_USER_AGENT: str(
      'User-Agent of every request: product/version and a contact',
      'NewsflowBot/0.1 (+https://github.com/newsflow/newsflow)',
    ),
    FETCH_ALLOWED_NETWORKS: list(
      'CIDRs fetched despite the address policy (loopback, private), e.g. 127.0.0.0/8',
      [],
    ),
    FETCH_MIN_GAP_MS: int('minimum gap between requests to one host, in ms', 1_000, { min: 0 }),
    FETCH_MAX_IN_FLIGHT_PER_HOST: int('requests in flight to one host', 2, { min: 1 }),
    FETCH_TIMEOUT_MS: int('time one request may take, redirects included, in ms', 30_000, {
      min: 100,
    }),
    FETCH_MAX_BYTES: int('larger bodies are refused while they stream', 5_000_000, { min: 1_024 }),
    FETCH_MIN_POLL_MS: int('shortest interval between polls of one source, in ms', 60_000, {
      min: 100,
    }),
    FETCH_MAX_POLL_MS: int('longest interval between polls of one source, in ms', 3_600_000, {
      min: 100,
    }),
    FETCH_FAILURE_BACKOFF_MS: int('first wait after a failed poll; doubles per failure', 60_000, {
      min: 100,
    }),
    FETCH_DISABLE_AFTER_FAILURES: int('failed polls in a row that disable a source', 10, {
      min: 1,
    }),
    FETCH_MAX_PAGES_PER_POLL: int('pages fetched per poll of a source; the rest wait', 50, {
      min: 1,
    }),
    FETCH_CONCURRENCY: int('sources one fetcher polls at the same time', 4, { min: 1 }),
    FETCH_LEASE_MS: int('how long a fetcher holds a source it polls; then others may', 600_000, {
      min: 1_000,
    }),
  },
} as const;

export type StageName = keyof typeof stageEnv;

export function loadStageConfig<S extends StageName>(
  stage: S,
  env?: Readonly<Record<string, string | undefined>>,
): ReturnType<typeof readEnv<(typeof stageEnv)[S]>> {
  return readEnv(stageEnv[stage], env);
}
