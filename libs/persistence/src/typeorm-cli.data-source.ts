import { createDataSource } from './data-source';

/**
 * For the TypeORM CLI only (`nx run persistence:migration-generate --name=<x>`): the CLI runs
 * outside any service, so there is no validated config to take the URL from. Kept out of the
 * library's index so that importing the library connects nothing and reads no environment.
 */
export default createDataSource(
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);
