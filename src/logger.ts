/** Optional logging: one line per attempt and per retry wait, never the key. */
import { scrubSecret } from "./redact.js";

/** Anything with these methods, e.g. `console` or a pino logger. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

const rank: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * A log function for `level` when `configured` lets it through, else undefined (so callers build no message).
 * Every line has `secret` replaced: a server may echo the key back in a body. A logger that throws, or returns a
 * promise that rejects, is ignored: a line that cannot be logged must not turn a request that was sent (a revocation,
 * perhaps) into a failure, nor end the process with an unhandled rejection.
 */
export function logAt(
  logger: Logger,
  configured: LogLevel,
  level: Exclude<LogLevel, "off">,
  secret: string,
): ((m: string) => void) | undefined {
  if (rank[configured] < rank[level]) return undefined;
  return (message) => {
    try {
      // An async logger's promise is not awaited, and its rejection is ignored as a throw is.
      const result: unknown = logger[level](scrubSecret(message, secret));
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function")
        (result as PromiseLike<unknown>).then(undefined, () => {});
    } catch {}
  };
}
