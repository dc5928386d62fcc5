import type { Logger } from "../index.js";

// The SDK logs each retry wait at info level as "...: retrying after <why> in <n> ms (retry i of n)".
const RETRY_WAIT = /retrying after .* in (\d+) ms/;

/** Where the SDK's log lines go in the CLI. */
export interface RetryLoggerHooks {
  /** The client is about to wait `seconds` before retrying (a 429, a 5xx, a timeout). */
  onWait?: ((seconds: number) => void) | undefined;
  /** Every line, for `--verbose`. */
  onLine?: ((line: string) => void) | undefined;
}

/**
 * A logger that turns the SDK's retry lines into wait events for the progress line. If the SDK's wording changes,
 * the progress line merely stops showing waits: nothing else depends on it.
 */
export function retryLogger(hooks: RetryLoggerHooks): Logger {
  const line = (message: string) => {
    hooks.onLine?.(message);
    const match = RETRY_WAIT.exec(message);
    if (match?.[1]) hooks.onWait?.(Number(match[1]) / 1000);
  };
  return { debug: line, info: line, warn: line, error: line };
}
