import { errorBody } from "./error-body.js";
import type { WireAnswer } from "./reply.js";

/** The outcome of one request against the budget, with the headers every answer carries. */
export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** A fixed-window budget: `limit` requests per `windowMs`, the window starting at its first request. */
export function createRateLimiter(limit: number, windowMs: number, clock: () => number = Date.now) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  return (): RateLimitDecision => {
    const now = clock();
    if (now >= windowStart + windowMs) {
      windowStart = now;
      used = 0;
    }
    const reset = windowStart + windowMs;
    const allowed = used < limit;
    if (allowed) used++;
    const headers: Record<string, string> = {
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": String(limit - used),
      "X-RateLimit-Reset": new Date(reset).toISOString(),
    };
    // Retry-After in whole seconds, rounded up so a client that honours it never arrives early.
    if (!allowed) headers["Retry-After"] = String(Math.max(1, Math.ceil((reset - now) / 1000)));
    return { allowed, headers };
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
