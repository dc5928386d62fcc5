/** When to retry and how long to wait: defaults as data, decisions as small pure functions. */
import { readRateLimit } from "./rate-limit.js";
import { parseRetryAfter } from "./retry-after.js";

/** The retry knobs, all in milliseconds but `maxRetries`. */
export interface RetryPolicy {
  maxRetries: number;
  /** First backoff ceiling; doubles per attempt (full jitter: a random wait from 0 to the ceiling). */
  baseDelayMs: number;
  /** Largest backoff ceiling. */
  maxBackoffMs: number;
  /**
   * The longest wait slept between attempts: the client's own backoff is capped at it, and a wait the server asks
   * for (Retry-After, or X-RateLimit-Reset on a 429) beyond it is not slept: the error is thrown at once.
   */
  maxRetryDelayMs: number;
  /** HTTP statuses worth another attempt. 400, 401, 403 and 404 never are: the same request fails the same way. */
  retryStatuses: readonly number[];
}

export const defaultRetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxBackoffMs: 8_000,
  maxRetryDelayMs: 60_000,
  retryStatuses: [408, 429, 500, 502, 503, 504],
} as const satisfies RetryPolicy;

/** How one attempt ended. */
export type AttemptOutcome =
  | { kind: "response"; status: number; headers: Headers }
  | { kind: "connection"; error: unknown }
  | { kind: "timeout"; error: unknown };

/** Whether another attempt may follow `outcome`, the `retriesDone`-th retry having been made. */
export function shouldRetry(outcome: AttemptOutcome, retriesDone: number, policy: RetryPolicy): boolean {
  if (retriesDone >= policy.maxRetries) return false;
  if (outcome.kind !== "response") return true;
  return policy.retryStatuses.includes(outcome.status);
}

/** Exponential backoff with full jitter, its ceiling never above `maxRetryDelayMs`. */
export function backoff(retriesDone: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.maxRetryDelayMs, policy.baseDelayMs * 2 ** retriesDone);
  return Math.floor(random() * ceiling);
}

/**
 * The wait before the next attempt. `Retry-After` is a floor, never a ceiling (0 or garbage leaves the backoff);
 * a 429 without it waits until `X-RateLimit-Reset`.
 */
export function retryDelay(
  outcome: AttemptOutcome,
  retriesDone: number,
  policy: RetryPolicy,
  now: number,
  random: () => number,
): number {
  const computed = backoff(retriesDone, policy, random);
  if (outcome.kind !== "response") return computed;
  const retryAfter = parseRetryAfter(outcome.headers.get("retry-after"), now);
  if (retryAfter !== undefined) return Math.max(retryAfter, computed);
  const reset = outcome.status === 429 ? readRateLimit(outcome.headers)?.resetAt?.getTime() : undefined;
  return reset !== undefined && reset > now ? reset - now : computed;
}
