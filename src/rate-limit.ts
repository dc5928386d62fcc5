/** The client's view of the API's rate limit, read from the `X-RateLimit-*` headers of every response. */

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

function toDate(value: string | null): Date | undefined {
  const ms = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * One cool-down shared by every request of a client: after a 429, or when the headers say the requests already in
 * flight use up what is left of the window, all requests wait for the same instant instead of each discovering
 * the limit on its own.
 */
export class RateLimitState {
  latest: RateLimitInfo | undefined;
  /** Epoch ms before which no request is sent (set after a 429). */
  blockedUntil = 0;
  /** Requests sent and not yet answered: the server's `remaining` does not count them yet. */
  inFlight = 0;

  /** Records a response's headers. Answers can arrive out of order: within one window the lowest remaining wins. */
  observe(headers: Headers): void {
    const info = readRateLimit(headers);
    if (!info) return;
    const previous = this.latest;
    const sameWindow = previous?.resetAt?.getTime() === info.resetAt?.getTime();
    if (sameWindow && previous?.remaining !== undefined && info.remaining !== undefined) {
      info.remaining = Math.min(previous.remaining, info.remaining);
    }
    this.latest = info;
  }

  /** Holds every request of the client until `until` (epoch ms). */
  block(until: number): void {
    if (until > this.blockedUntil) this.blockedUntil = until;
  }

  /**
   * How long the next request should wait: until a 429's cool-down ends, or until the window resets when the
   * requests in flight use up what remains. A reset beyond `maxWaitMs` is more likely clock skew than a real
   * window, so the server decides then.
   */
  waitMs(now: number, maxWaitMs: number): number {
    let until = this.blockedUntil;
    const reset = this.latest?.resetAt?.getTime();
    const remaining = this.latest?.remaining;
    if (remaining !== undefined && reset !== undefined && reset > now && reset - now <= maxWaitMs) {
      if (remaining - this.inFlight <= 0) until = Math.max(until, reset);
    }
    return until - now;
  }
}
