// The pieces an app's configuration is built from: the env-schema helpers and the variable
// groups several apps read (Kafka, database, log level, fetch manners). Where a change goes: a
// setting of one app goes in that app's apps/<app>/src/config/<app>.config.ts, not here; a
// group moves here only when a second app reads it. Every variable has its README row.
export { ConfigError, int, list, oneOf, readEnv, str } from './env-schema';
export type { EnvSchema, EnvValues, EnvVar } from './env-schema';
export { LOG_LEVELS, loggingEnv } from './logging.config';
export type { LogLevel } from './logging.config';
export { consumerGroupId, kafkaConfigFrom, kafkaEnv, loadKafkaConfig } from './kafka.config';
export type { KafkaConfig } from './kafka.config';
export { databaseConfigFrom, databaseEnv, loadDatabaseConfig } from './database.config';
export type { DatabaseConfig } from './database.config';
export { loadMannersConfig, mannersConfigFrom, mannersEnv } from './manners.config';
export type { MannersConfig } from './manners.config';
export { appEnvSchemas } from './app-env-registry';
