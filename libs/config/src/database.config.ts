import { readEnv, str } from './env-schema';
import type { EnvValues } from './env-schema';

/** The Postgres the fetcher, the store, the read API and newsctl's `sources` use. */
export const databaseEnv = {
  DATABASE_URL: str('Postgres connection URL', 'postgres://postgres@127.0.0.1:5432/test'),
};

export interface DatabaseConfig {
  url: string;
}

/** The database piece of an app's configuration, from values its schema already validated. */
export function databaseConfigFrom(values: EnvValues<typeof databaseEnv>): DatabaseConfig {
  return { url: values.DATABASE_URL };
}

export function loadDatabaseConfig(
  env?: Readonly<Record<string, string | undefined>>,
): DatabaseConfig {
  return databaseConfigFrom(readEnv(databaseEnv, env));
}
