import { int, oneOf, readEnv, str } from './env-schema';

/** What the read API reads: it serves Postgres over HTTP and never touches Kafka. */
export const apiEnv = {
  API_PORT: int('port of the read API (/articles, /stats, /docs, /health)', 3000, {
    min: 1,
    max: 65535,
  }),
  DATABASE_URL: str('Postgres connection URL', 'postgres://postgres@127.0.0.1:5432/test'),
  API_MAX_PAGE_SIZE: int('the largest `limit` a client may ask for', 100, { min: 1, max: 1_000 }),
  LOG_LEVEL: oneOf('log level', ['debug', 'info', 'warn', 'error'] as const, 'info'),
} as const;

export function loadApiConfig(
  env?: Readonly<Record<string, string | undefined>>,
): ReturnType<typeof readEnv<typeof apiEnv>> {
  return readEnv(apiEnv, env);
}
