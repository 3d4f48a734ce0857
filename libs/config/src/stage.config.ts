import { int, list, oneOf, readEnv, str } from './env-schema';

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
    DATABASE_URL: str('Postgres connection URL', 'postgres://postgres@127.0.0.1:5432/test'),
  },
  fetcher: {
    HTTP_PORT: int('port of /health and /metrics', 3001, { min: 1, max: 65535 }),
    FETCHER_FOLDERS: list('folders of saved pages (.html, .txt, .json) to watch', ['samples']),
    FETCHER_POLL_MS: int('how often the folders are scanned, in ms', 1000, { min: 50 }),
    FETCHER_MODE: oneOf(
      'watch the folders all day, or ingest them once and exit',
      ['watch', 'once'] as const,
      'watch',
    ),
  },
} as const;

export type StageName = keyof typeof stageEnv;

export function loadStageConfig<S extends StageName>(
  stage: S,
  env?: Readonly<Record<string, string | undefined>>,
): ReturnType<typeof readEnv<(typeof stageEnv)[S]>> {
  return readEnv(stageEnv[stage], env);
}
