import { MAX_TIMER_MS } from "../delay.js";
import { shownValue } from "../shown-value.js";

/** Which requests a queued fault may hit; absent fields match anything. */
export interface FaultMatch {
  /** HTTP method, case-insensitive, e.g. "GET". */
  method?: string;
  /** The API path as in the spec with ids filled in, decoded (e.g. `/orgs/<orgId>/api-tokens`), or a pattern for it. */
  path?: string | RegExp;
}

interface FaultCommon {
  /** Wait this long before acting out the fault. */
  delayMs?: number;
  /** Only a request that matches takes this fault; the default is the next request of any kind. */
  match?: FaultMatch;
}

/**
 * One misbehaviour, consumed by exactly one request.
 * - `429`: rate limited. `retryAfter` as a whole number is sent as seconds, a Date as an HTTP-date, a string verbatim
 *   ("0", or garbage such as "soon"); absent means no Retry-After. With the rate limit on, `X-RateLimit-*` too: its
 *   limit, none remaining, reset `resetAfterSeconds` from now (default 1); with `rateLimit: false`, none.
 * - `server-error`: the status with an HTML body (`text/html`), as a gateway answers.
 * - `forbidden`: 403 with the spec's error body, as a key without the operation's scope is answered (the sandbox has
 *   no scopes of its own: this is how a test reaches that answer).
 * - `reset`: the socket is destroyed without an answer. `hang`: no answer until `close()`.
 * - `truncated-json`: 200 with the real answer's JSON cut in half, so it never parses (see `cutShort`).
 * - `wrong-content-type`: 200 with an HTML page as `text/html` (a login or proxy page).
 * - `data-not-array`: 200 with a list page whose `data` is an object.
 * - `repeat-cursor`: the real list page, but `links.next` equals the cursor just received (on the first page, the
 *   page's own cursor), so a naive client loops forever.
 */
export type Fault = FaultCommon &
  (
    | { kind: "429"; retryAfter?: number | Date | string; resetAfterSeconds?: number }
    | { kind: "server-error"; status: 500 | 502 | 503 | 504 }
    | { kind: "forbidden" }
    | { kind: "reset" }
    | { kind: "hang" }
    | { kind: "truncated-json" }
    | { kind: "wrong-content-type" }
    | { kind: "data-not-array" }
    | { kind: "repeat-cursor" }
  );

/** Whether a queued fault applies to this request. */
export function faultMatches(fault: Fault, method: string, path: string): boolean {
  const match = fault.match;
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === "string" ? match.path === path : match.path.test(path);
}

const KINDS = new Set<string>([
  "429",
  "server-error",
  "forbidden",
  "reset",
  "hang",
  "truncated-json",
  "wrong-content-type",
  "data-not-array",
  "repeat-cursor",
]);
const SERVER_ERRORS = new Set<unknown>([500, 502, 503, 504]);
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\0-\x1f\x7f]/;

/** Throws a TypeError naming what is wrong with a fault passed to `sandbox.fault()`, before it is queued. */
export function assertFault(fault: unknown): asserts fault is Fault {
  const bad = (what: string) => new TypeError(`sandbox.fault: ${what}`);
  if (fault === null || typeof fault !== "object") throw bad('each fault must be an object, e.g. { kind: "reset" }');
  const f = fault as Record<string, unknown>;
  if (typeof f.kind !== "string" || !KINDS.has(f.kind))
    throw bad(`unknown kind ${shownValue(f.kind)}; one of ${[...KINDS].join(", ")}`);
  if (f.kind === "server-error" && !SERVER_ERRORS.has(f.status))
    throw bad(`a server-error needs status 500, 502, 503 or 504; got ${shownValue(f.status)}`);
  if (f.kind === "429") {
    const { retryAfter, resetAfterSeconds } = f;
    const validDate = retryAfter instanceof Date && !Number.isNaN(retryAfter.getTime());
    // Retry-After's delta-seconds are whole (RFC 9110, section 10.2.3): "2.5" is not a value a server can send.
    const validSeconds = Number.isSafeInteger(retryAfter) && (retryAfter as number) >= 0;
    // A string goes out as the header's value: any text a header can carry, not a line break.
    const validText = typeof retryAfter === "string" && !CONTROL.test(retryAfter);
    if (!(retryAfter === undefined || validText || validDate || validSeconds))
      throw bad(
        "retryAfter must be whole seconds >= 0, a valid Date or a string sent as it is (no control characters)",
      );
    const validReset = typeof resetAfterSeconds === "number" && resetAfterSeconds >= 0 && resetAfterSeconds <= 1e9;
    if (!(resetAfterSeconds === undefined || validReset)) throw bad("resetAfterSeconds must be a number from 0 to 1e9");
  }
  if (
    !(
      f.delayMs === undefined ||
      (Number.isInteger(f.delayMs) && (f.delayMs as number) >= 0 && (f.delayMs as number) <= MAX_TIMER_MS)
    )
  )
    throw bad(`delayMs must be an integer from 0 to ${MAX_TIMER_MS}`);
  const match = f.match as Record<string, unknown> | undefined | null;
  if (match === undefined) return;
  if (match === null || typeof match !== "object") throw bad("match must be an object: { method?, path? }");
  if (!(match.method === undefined || typeof match.method === "string")) throw bad("match.method must be a string");
  // Any object with a test function: a RegExp from another realm (a vm context) is one.
  const path = match.path as { test?: unknown } | string | undefined;
  if (!(path === undefined || typeof path === "string" || typeof path?.test === "function"))
    throw bad("match.path must be a string or a RegExp");
}
