import { onAbort } from "./abort-relay.js";

/**
 * The longest wait a timer can hold: setTimeout takes a signed 32-bit count of ms (about 24.8 days), and runtimes
 * run a longer one at once (Node after a TimeoutOverflowWarning), which would turn a long wait into none.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** Sleeps `ms`, or rejects with the signal's reason as soon as it aborts; never leaves a timer behind. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
    const stop = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
  });
}
