/** The logging every service, library and script uses: structured context, then a message. */
export interface Logger {
  debug(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

/**
 * One JSON object per line. Services log to stdout; the CLI passes stderr so that its stdout
 * stays free for results.
 */
export function jsonLogger(
  name: string,
  level: LogLevel = 'info',
  stream: NodeJS.WritableStream = process.stderr,
): Logger {
  const threshold = LEVELS.indexOf(level);
  const write = (lvl: LogLevel) => (context: Record<string, unknown>, message: string) => {
    if (LEVELS.indexOf(lvl) < threshold) return;
    stream.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: lvl, logger: name, msg: message, ...context })}\n`,
    );
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The injection token a Nest app provides its Logger under. */
export const LOGGER = Symbol('LOGGER');
