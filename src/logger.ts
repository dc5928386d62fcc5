/** Optional logging: one line per attempt and per retry wait, never the key. */

/** Anything with these methods, e.g. `console` or a pino logger. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

const rank: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A log function for `level` when `configured` lets it through, else undefined (so callers build no message). */
export function logAt(
  logger: Logger,
  configured: LogLevel,
  level: Exclude<LogLevel, "off">,
): ((m: string) => void) | undefined {
  return rank[configured] >= rank[level] ? (message) => logger[level](message) : undefined;
}
