import {
  databaseConfigFrom,
  databaseEnv,
  int,
  kafkaConfigFrom,
  kafkaEnv,
  readEnv,
} from '@newsflow/config';
import type { DatabaseConfig, KafkaConfig } from '@newsflow/config';

/** Every variable the enricher reads, with its default: validated once, in main.ts. */
export const enricherEnv = {
  ...kafkaEnv,
  // The story index (near-duplicates across articles) is the enricher's state in Postgres.
  ...databaseEnv,
  HTTP_PORT: int('port of /health and /metrics', 3003, { min: 1, max: 65535 }),
};

export interface EnricherConfig {
  kafka: KafkaConfig;
  database: DatabaseConfig;
  httpPort: number;
}

/** The one configuration the enricher's providers read, from ENRICHER_CONFIG. */
export const ENRICHER_CONFIG = Symbol('ENRICHER_CONFIG');

/** Reads and validates the enricher's environment, listing every bad variable in one error. */
export function loadEnricherConfig(
  env?: Readonly<Record<string, string | undefined>>,
): EnricherConfig {
  const v = readEnv(enricherEnv, env);
  return { kafka: kafkaConfigFrom(v), database: databaseConfigFrom(v), httpPort: v.HTTP_PORT };
}
