// What every process needs whatever it talks to: structured logging, what a failure means
// (dead-letter, wait or retry) and how long to wait. Framework-free: no Nest, no Kafka, no
// database; the libraries that talk to those turn their clients' errors into these classes.
export { DEFAULT_BACKOFF, DEPENDENCY_BACKOFF, backoffDelay } from './backoff';
export type { BackoffPolicy } from './backoff';
export {
  DependencyUnavailableError,
  UnprocessableError,
  classifyFailure,
  errorMessage,
} from './errors';
export type { FailureClass } from './errors';
export { JsonLoggerService } from './json-logger.service';
export { LOGGER, jsonLogger } from './logger';
export type { LogLevel, Logger } from './logger';
