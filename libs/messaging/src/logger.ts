/** The logging the plumbing needs; Nest apps pass their logger, scripts get JSON lines. */
export interface MessagingLogger {
  debug(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** One JSON object per line on stderr, so stdout stays free for a CLI's output. */
export function jsonLogger(name: string, level: LogLevel = 'info'): MessagingLogger {
  const threshold = LEVELS.indexOf(level);
  const write = (lvl: LogLevel) => (context: Record<string, unknown>, message: string) => {
    if (LEVELS.indexOf(lvl) < threshold) return;
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: lvl, logger: name, msg: message, ...context })}\n`,
    );
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
