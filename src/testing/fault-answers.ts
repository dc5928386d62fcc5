import { errorBody } from "./error-body.js";
import type { Fault } from "./fault.js";
import type { Prng } from "./prng.js";
import type { Reply, WireAnswer } from "./reply.js";
import { toWire } from "./reply.js";

/** The kinds of fault that answer on their own, without the API handling the request. */
const STANDALONE_KINDS = ["429", "server-error", "forbidden", "reset", "hang"] as const satisfies Fault["kind"][];
const STANDALONE = new Set<Fault["kind"]>(STANDALONE_KINDS);
/** Faults that answer on their own, without the API handling the request. */
export type StandaloneFault = Extract<Fault, { kind: (typeof STANDALONE_KINDS)[number] }>;
/** Faults that distort the API's real answer. */
export type DistortingFault = Exclude<Fault, StandaloneFault>;

const reasons: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Whether the fault answers without consulting the API. */
export function isStandalone(fault: Fault): fault is StandaloneFault {
  return STANDALONE.has(fault.kind);
}

/**
 * The answer of a 429, 403 or 5xx fault (reset and hang have none; the server acts them out). `budget` is the
 * rate limit's `X-RateLimit-*` headers as they stand, undefined with the rate limit off: the 403 and 5xx carry them as
 * they are; the 429 keeps the limit and says none is left until `resetAfterSeconds` from now.
 */
export function faultAnswer(
  fault: Extract<Fault, { kind: "429" | "server-error" | "forbidden" }>,
  budget: Record<string, string> | undefined,
): WireAnswer {
  if (fault.kind === "forbidden") {
    return {
      status: 403,
      headers: { "Content-Type": "application/json; charset=utf-8", ...budget },
      body: JSON.stringify(errorBody(403, "The API key does not have the scope this operation needs.")),
    };
  }
  if (fault.kind === "server-error") {
    const title = `${fault.status} ${reasons[fault.status]}`;
    return {
      status: fault.status,
      headers: { "Content-Type": "text/html; charset=utf-8", ...budget },
      body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
    };
  }
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (budget) {
    const reset = new Date(Date.now() + (fault.resetAfterSeconds ?? 1) * 1000);
    Object.assign(headers, budget, { "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset.toISOString() });
  }
  const { retryAfter } = fault;
  if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  else if (retryAfter instanceof Date) headers["Retry-After"] = retryAfter.toUTCString();
  else if (retryAfter !== undefined) headers["Retry-After"] = retryAfter;
  return { status: 429, headers, body: JSON.stringify(errorBody(429, "Rate limit exceeded")) };
}

/** The real answer, distorted as the fault says. `cursor` is the cursor the request sent, if any. */
export function distort(fault: DistortingFault, reply: Reply, cursor: string | undefined): WireAnswer {
  const json = { "Content-Type": "application/json; charset=utf-8" };
  const body: unknown = "body" in reply ? reply.body : { data: [], links: {} };
  switch (fault.kind) {
    case "truncated-json":
      return { status: 200, headers: json, body: cutShort(JSON.stringify(body)) };
    case "wrong-content-type":
      return {
        status: 200,
        headers: { "Content-Type": "text/html; charset=utf-8" },
        body: "<!DOCTYPE html><html><head><title>Log in</title></head><body><form>Sign in to continue</form></body></html>",
      };
    case "data-not-array": {
      const page = isPage(body) ? body : { data: [], links: {} };
      return { status: 200, headers: json, body: JSON.stringify({ ...page, data: { ...page.data } }) };
    }
    case "repeat-cursor": {
      if (!isPage(body)) return toWire(reply);
      const again = cursor ?? body.links.self;
      return { status: 200, headers: json, body: JSON.stringify({ ...body, links: { ...body.links, next: again } }) };
    }
  }
}

/**
 * A JSON text cut short so that no parser accepts it, as a dropped connection leaves it: its first half, and a
 * dangling `"` when that half is empty or would still parse (a bare count such as `300` cut to `3`), or the fault
 * would hand the client a valid, wrong answer. A `"` after a whole JSON value never parses, and after anything less
 * it opens a string that never ends.
 */
export function cutShort(text: string): string {
  const half = text.slice(0, Math.floor(text.length / 2));
  return half === "" || parses(half) ? `${half}"` : half;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A random retryable fault, for soak tests with `faultRate`. */
export function randomFault(prng: Prng): StandaloneFault {
  return prng.pick<StandaloneFault>([
    { kind: "429", retryAfter: "0" },
    { kind: "server-error", status: 500 },
    { kind: "server-error", status: 502 },
    { kind: "server-error", status: 503 },
    { kind: "server-error", status: 504 },
    { kind: "reset" },
  ]);
}

function isPage(body: unknown): body is { data: unknown[]; links: { self?: string | null } } {
  return typeof body === "object" && body !== null && Array.isArray((body as { data?: unknown }).data);
}
