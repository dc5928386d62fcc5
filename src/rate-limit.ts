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
 * One cool-down shared by every request of a client: after a 429, or when the headers say no request is left in
 * the window, all requests wait for the same instant instead of each discovering the limit on its own.
 */
export class RateLimitState {
  latest: RateLimitInfo | undefined;
  /** Epoch ms before which no request should be sent. */
  blockedUntil = 0;

  /** Records a response's headers; an exhausted window blocks until its reset, unless that is beyond `maxWaitMs`. */
  observe(headers: Headers, now: number, maxWaitMs: number): void {
    const info = readRateLimit(headers);
    if (!info) return;
    this.latest = info;
    const reset = info.resetAt?.getTime();
    // A reset far away is more likely clock skew than a real window: let the server decide then.
    if (info.remaining === 0 && reset !== undefined && reset > now && reset - now <= maxWaitMs) this.block(reset);
  }

  /** Holds every request of the client until `until` (epoch ms). */
  block(until: number): void {
    if (until > this.blockedUntil) this.blockedUntil = until;
  }
}
