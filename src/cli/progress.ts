import { countOf } from "./count-of.js";
import type { StatusLine } from "./status-line.js";

/** What a long run has done so far. */
export interface ProgressState {
  pages: number;
  tokens: number;
  /** Seconds the client is waiting for a rate-limit window, when it is. */
  waitSeconds?: number | undefined;
}

/** The one-line status of a long run, e.g. `audit: 3 pages, 300 tokens (waiting 12 s for rate limit)`. */
export function progressLine(label: string, state: ProgressState): string {
  const pages = countOf(state.pages, "page");
  const tokens = countOf(state.tokens, "token");
  const wait = state.waitSeconds ? ` (waiting ${Math.ceil(state.waitSeconds)} s for rate limit)` : "";
  return `${label}: ${pages}, ${tokens}${wait}`;
}

/** Reports a long run's progress: one line on stderr, rewritten in place. */
export interface Progress {
  /** A page of `count` tokens arrived. */
  page(count: number): void;
  /** The client waits `seconds` before retrying (rate limit). */
  waiting(seconds: number): void;
  /** The run ended: clear the line so the result starts on a clean one. */
  done(): void;
}

const silent: Progress = { page() {}, waiting() {}, done() {} };

/**
 * Progress on a terminal's status line, or a no-op when `enabled` is false: progress is for a person watching a
 * terminal, and would only corrupt a log or a redirected stderr.
 */
export function createProgress(line: StatusLine, enabled: boolean, label: string): Progress {
  if (!enabled) return silent;
  const state: ProgressState = { pages: 0, tokens: 0 };
  return {
    page(count) {
      state.pages += 1;
      state.tokens += count;
      state.waitSeconds = undefined;
      line.show(progressLine(label, state));
    },
    waiting(seconds) {
      state.waitSeconds = seconds;
      line.show(progressLine(label, state));
    },
    done() {
      line.clear();
    },
  };
}
