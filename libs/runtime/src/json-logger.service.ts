import type { LogLevel, Logger } from './logger';
import { jsonLogger } from './logger';

/**
 * Nest's logger (`app.useLogger`), as JSON lines through the same writer as the rest of the
 * code. It has the shape of Nest's LoggerService without importing Nest, so this library stays
 * framework-free.
 */
export class JsonLoggerService {
  private readonly logger: Logger;

  constructor(name: string, level: LogLevel = 'info') {
    this.logger = jsonLogger(name, level, process.stdout);
  }

  log(message: unknown, context?: string): void {
    this.logger.info(this.context(context), this.text(message));
  }

  error(message: unknown, stack?: string, context?: string): void {
    this.logger.error(
      { ...this.context(context), ...(stack ? { stack } : {}) },
      this.text(message),
    );
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn(this.context(context), this.text(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug(this.context(context), this.text(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.debug(this.context(context), this.text(message));
  }

  private context(context?: string): Record<string, unknown> {
    return context ? { context } : {};
  }

  private text(message: unknown): string {
    return typeof message === 'string' ? message : JSON.stringify(message);
  }
}
