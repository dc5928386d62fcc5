import { errorBody } from "./error-body.js";
import type { WireAnswer } from "./reply.js";

/** The outcome of one request against the budget, with the headers every answer carries. */
export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** One sandbox's request budget. */
export interface RateLimiter {
  /** Counts one request against the budget: whether it is allowed, and the headers of its answer. */
  take(): RateLimitDecision;
  /** The headers of the budget as it stands, counting nothing: for the answers of faults, which come before it. */
  peek(): Record<string, string>;
}

/** A fixed-window budget: `limit` requests per `windowMs`, the window starting at its first request. */
export function createRateLimiter(limit: number, windowMs: number, clock: () => number = Date.now): RateLimiter {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  const roll = (now: number): void => {
    if (now >= windowStart + windowMs) {
      windowStart = now;
      used = 0;
    }
  };
  const headers = (): Record<string, string> => ({
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(limit - used),
    "X-RateLimit-Reset": new Date(windowStart + windowMs).toISOString(),
  });
  return {
    take() {
      const now = clock();
      roll(now);
      const allowed = used < limit;
      if (allowed) used++;
      const answer = headers();
      // Retry-After in whole seconds, rounded up so a client that honours it never arrives early.
      if (!allowed) answer["Retry-After"] = String(Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)));
      return { allowed, headers: answer };
    },
    peek() {
      roll(clock());
      return headers();
    },
  };
}

/** The 429 of an exhausted budget, with Retry-After and the X-RateLimit-* headers. */
export function rateLimitedAnswer(headers: Record<string, string>): WireAnswer {
  return {
    status: 429,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(errorBody(429, "Rate limit exceeded: wait for Retry-After or X-RateLimit-Reset")),
  };
}
