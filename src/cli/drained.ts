import type { Writable } from "node:stream";

/**
 * Resolves once `stream` can take more: at once unless a write has filled its buffer, else on 'drain'. It also
 * resolves, never rejects, when the stream closes or fails while full (a reader gone, a disk full): whoever listens
 * for 'error' deals with the failure, and a writer waiting here must not hang.
 */
export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}

/**
 * What a sink's `write` returned, unless `signal` aborts first: a wait for a drain (a promise) also ends on Ctrl-C,
 * so a reader that stopped reading (a paused `less`) cannot hold an interrupted run. Anything else is returned as is.
 */
export function unlessAborted(written: unknown, signal: AbortSignal): unknown {
  if (!(written instanceof Promise) || signal.aborted) return signal.aborted ? undefined : written;
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done);
    written.then(done, done);
  });
}
