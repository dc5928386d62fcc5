/** The client's view of the API's rate limit, read from the `X-RateLimit-*` headers of every response. */
import { onAbort } from "./abort-relay.js";

/** The latest rate-limit headers the API sent. */
export interface RateLimitInfo {
  limit: number | undefined;
  remaining: number | undefined;
  resetAt: Date | undefined;
}

/** Reads `X-RateLimit-Limit`, `-Remaining` and `-Reset` (ISO 8601); undefined when none is present. */
export function readRateLimit(headers: Headers): RateLimitInfo | undefined {
  const limit = headers.get("x-ratelimit-limit");
  const remaining = headers.get("x-ratelimit-remaining");
  const reset = headers.get("x-ratelimit-reset");
  if (limit === null && remaining === null && reset === null) return undefined;
  return { limit: toInteger(limit), remaining: toInteger(remaining), resetAt: toDate(reset) };
}

function toInteger(value: string | null): number | undefined {
  const n = value === null ? Number.NaN : Number(value);
  return Number.isInteger(n) ? n : undefined;
}

/** The last reset parsed: the answers of one window repeat it, so each window's is parsed once. */
let lastReset = { text: "", ms: Number.NaN };

/** An ISO 8601 date-time with its zone, as the spec's date-time is. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The reset instant, read only from an ISO 8601 date-time (the spec's): the lenient `Date.parse` alone reads a count
 * of seconds such as "2" as the year 2001.
 */
function toDate(value: string | null): Date | undefined {
  if (value === null) return undefined;
  if (value !== lastReset.text)
    lastReset = { text: value, ms: ISO_DATE_TIME.test(value) ? Date.parse(value) : Number.NaN };
  return Number.isNaN(lastReset.ms) ? undefined : new Date(lastReset.ms);
}

/**
 * How many requests may be in flight once a cool-down ends, before the answers say how much room there is: past this,
 * every request goes. More than any caller of this API needs at once (countTokens fans out 4 by default).
 */
export const SLOW_START_END = 32;

/** What the next request should do: go now, wait `ms`, or wait for an answer in flight to say what is left. */
export type Pace = { ms: number } | "await-answer";

/**
 * One cool-down shared by every request of a client. After a 429, or when the requests in flight use up what the
 * headers say is left, every request waits for the same instant instead of each discovering the limit on its own.
 * Once that instant passes, one request probes the new window and the others wait for its answer: a token bucket
 * may have refilled by one only, a fixed window by its whole limit, and only an answer tells which. An answer with
 * X-RateLimit-* headers says how much is left; without them, each answer that is not a 429 lets one more request
 * go at once (twice as many per round trip), so a server that sends only Retry-After sees the requests return
 * gradually rather than all together.
 */
export class RateLimitState {
  latest: RateLimitInfo | undefined;
  /** Epoch ms before which no request is sent (set after a 429). */
  blockedUntil = 0;
  /** Requests sent and not yet answered: the server's `remaining` does not count them yet. */
  inFlight = 0;
  /** The last answer said nothing is left (a 429, or `X-RateLimit-Remaining: 0`). */
  exhausted = false;
  readonly #waiters = new Set<() => void>();
  /** When the latest answer arrived (epoch ms). */
  #answeredAt = Number.NEGATIVE_INFINITY;
  /**
   * After a cool-down, until an answer carries the headers or SLOW_START_END is reached: how many requests may be in
   * flight. Undefined otherwise.
   */
  #allowed: number | undefined;
  /** When the latest cool-down ends (epoch ms): only answers to requests sent from then on tell how it went. */
  #coolDownEnd = 0;
  /**
   * A 429 without headers came, and no answer with headers since: the reset known describes a window from before it,
   * and pacing does not wait for it (the 429's own wait, `block`, holds the client instead).
   */
  #resetStale = false;

  /**
   * Records the answer to a request sent at `sentAt`, arriving at `now` (epoch ms). Sent after the latest answer
   * arrived, it describes the server as it is now and replaces what was known. Sent before, it crossed that answer,
   * and the server may have counted either request first: the two are merged, keeping the stricter of the two whole
   * (its remaining with its own reset), unless one describes a window that is already over.
   */
  observe(status: number, headers: Headers, sentAt: number, now: number): void {
    const info = readRateLimit(headers);
    const exhausted = status === 429 || info?.remaining === 0;
    const crossed = sentAt < this.#answeredAt;
    this.#answeredAt = now;
    this.exhausted = crossed ? this.exhausted || exhausted : exhausted;
    if (this.#allowed !== undefined && sentAt >= this.#coolDownEnd && status !== 429) {
      this.#allowed = info || this.#allowed + 1 >= SLOW_START_END ? undefined : this.#allowed + 1;
    }
    if (!info) {
      // Crossing or not: the 429's own wait holds the client, and the probe after it says what is left.
      if (status === 429) this.#resetStale = true;
      return;
    }
    if (!crossed) this.#resetStale = false;
    this.latest = crossed && this.latest ? merge(this.latest, info, now) : info;
  }

  /** Holds every request of the client until `until` (epoch ms), then lets one go first. */
  block(until: number): void {
    this.exhausted = true;
    if (until > this.blockedUntil) this.blockedUntil = until;
    this.#allowed = 1;
    this.#coolDownEnd = this.blockedUntil;
  }

  /**
   * How the next request should pace itself. A reset beyond `maxWaitMs` is more likely clock skew than a real
   * window: the server decides then.
   */
  pace(now: number, maxWaitMs: number): Pace {
    let until = this.blockedUntil;
    const reset = this.#resetStale ? undefined : this.latest?.resetAt?.getTime();
    const remaining = this.latest?.remaining;
    // What the last answer left, less the requests sent since that the server may not have counted yet.
    const usedUp = this.exhausted || (remaining !== undefined && remaining - this.inFlight <= 0);
    if (usedUp && reset !== undefined && reset > now && reset - now <= maxWaitMs) until = Math.max(until, reset);
    if (until > now) return { ms: until - now };
    if (this.#allowed !== undefined && this.inFlight >= this.#allowed) return "await-answer";
    // Past the reset, how much came back is unknown (a token bucket refills by one, a fixed window by its limit):
    // one request asks, the others wait for its answer.
    return usedUp && this.inFlight > 0 ? "await-answer" : { ms: 0 };
  }

  /** A request is on its way. */
  sent(): void {
    this.inFlight++;
  }

  /** A request ended (answered or failed): requests waiting for an answer look again. */
  settled(): void {
    this.inFlight--;
    if (this.#waiters.size === 0) return;
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves when a request in flight ends; rejects with the signal's reason if it aborts first. */
  nextAnswer(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const wake = () => {
        stop?.();
        resolve();
      };
      this.#waiters.add(wake);
      const stop = signal
        ? onAbort(signal, () => {
            this.#waiters.delete(wake);
            reject(signal.reason);
          })
        : undefined;
    });
  }
}

/**
 * What two crossing answers say together: the window still open, or else the stricter of the two, whole (its
 * remaining with its own reset). A remaining is only good until its own reset: pairing one answer's 0 with the other's
 * later reset would hold the client past the instant the first one named (a 429 of a one-second window, crossing an
 * answer of a minute-long one, held every request a minute).
 */
function merge(a: RateLimitInfo, b: RateLimitInfo, now: number): RateLimitInfo {
  const open = (info: RateLimitInfo) => (info.resetAt?.getTime() ?? Number.NEGATIVE_INFINITY) > now;
  if (open(a) !== open(b)) return open(a) ? a : b;
  const left = (info: RateLimitInfo) => info.remaining ?? Number.POSITIVE_INFINITY;
  const later = (a.resetAt?.getTime() ?? 0) >= (b.resetAt?.getTime() ?? 0) ? a : b;
  const stricter = left(a) === left(b) ? later : left(a) < left(b) ? a : b;
  return { ...stricter, limit: stricter.limit ?? a.limit ?? b.limit };
}
