import { oneOf } from './env-schema';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How much each process logs: every stage and the read API read it. */
export const loggingEnv = {
  LOG_LEVEL: oneOf('log level', LOG_LEVELS, 'info'),
};
