import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the suites run against; each suite gets a database of its own on it. */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TempDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database, so a suite sees only its own rows and migrations. A bench names its
 * own prefix, so that people sharing a server can tell whose database it is.
 */
export async function createTempDatabase(prefix = 'newsflow_test'): Promise<TempDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: urlWithDatabase(SERVER_URL, name),
    // FORCE: a suite that failed half-way may still hold connections.
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function urlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** CREATE and DROP DATABASE cannot run inside the database they name: use `postgres`. */
async function onServer(sql: string): Promise<void> {
  const admin = new Client({ connectionString: urlWithDatabase(SERVER_URL, 'postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
