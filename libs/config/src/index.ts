export { ConfigError, int, list, oneOf, readEnv, str } from './env-schema';
export type { EnvSchema, EnvValues, EnvVar } from './env-schema';
export { consumerGroupId, kafkaEnv, loadKafkaConfig } from './kafka.config';
export type { KafkaConfig } from './kafka.config';
export { loadStageConfig, stageEnv } from './stage.config';
export type { StageName } from './stage.config';
export { apiEnv, loadApiConfig } from './api.config';
