/** Which requests a queued fault may hit; absent fields match anything. */
export interface FaultMatch {
  /** HTTP method, case-insensitive, e.g. "GET". */
  method?: string;
  /** The API path as in the spec with ids filled in (e.g. `/orgs/<orgId>/api-tokens`), or a pattern for it. */
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
 * - `429`: rate limited. `retryAfter` as a number is sent as seconds, a Date as an HTTP-date, a string verbatim
 *   ("0", or garbage such as "soon"); absent means no Retry-After, only `X-RateLimit-Reset` (`resetAfterSeconds`
 *   from now, default 1).
 * - `server-error`: the status with an HTML body (`text/html`), as a gateway answers.
 * - `reset`: the socket is destroyed without an answer. `hang`: no answer until `close()`.
 * - `truncated-json`: 200 with the real answer's JSON cut in half.
 * - `wrong-content-type`: 200 with an HTML page as `text/html` (a login or proxy page).
 * - `data-not-array`: 200 with a list page whose `data` is an object.
 * - `repeat-cursor`: the real list page, but `links.next` equals the cursor just received (on the first page, the
 *   page's own cursor), so a naive client loops forever.
 */
export type Fault = FaultCommon &
  (
    | { kind: "429"; retryAfter?: number | Date | string; resetAfterSeconds?: number }
    | { kind: "server-error"; status: 500 | 502 | 503 | 504 }
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
