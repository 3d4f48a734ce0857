import {
  databaseConfigFrom,
  databaseEnv,
  int,
  kafkaConfigFrom,
  kafkaEnv,
  readEnv,
} from '@newsflow/config';
import type { DatabaseConfig, KafkaConfig } from '@newsflow/config';

/** Every variable the store reads, with its default: validated once, in main.ts. */
export const storeEnv = {
  ...kafkaEnv,
  ...databaseEnv,
  HTTP_PORT: int('port of /health and /metrics', 3004, { min: 1, max: 65535 }),
};

export interface StoreConfig {
  kafka: KafkaConfig;
  database: DatabaseConfig;
  httpPort: number;
}

/** The one configuration the store's providers read, from STORE_CONFIG. */
export const STORE_CONFIG = Symbol('STORE_CONFIG');

/** Reads and validates the store's environment, listing every bad variable in one error. */
export function loadStoreConfig(env?: Readonly<Record<string, string | undefined>>): StoreConfig {
  const v = readEnv(storeEnv, env);
  return { kafka: kafkaConfigFrom(v), database: databaseConfigFrom(v), httpPort: v.HTTP_PORT };
}
