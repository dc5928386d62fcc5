/** One attempt of a request: the per-attempt timeout, the caller's signal, the body read in full. */
import { bufferedResponse } from "./buffered-response.js";
import type { Deadline } from "./deadlines.js";
import { readText } from "./read-body.js";
import type { AttemptOutcome } from "./retry-policy.js";

/** The fetch the client sends with: called as `fetch(request, { signal })`, as the global fetch can be. */
export type FetchLike = (request: Request, init: { signal: AbortSignal }) => Promise<Response>;

/** How one attempt went: the outcome, and the buffered response when one arrived. */
export interface Attempt {
  outcome: AttemptOutcome;
  response?: Response;
  body?: string;
  /** The body ran over the limit: the response holds none of it. */
  tooLarge?: boolean;
}

/**
 * Sends `request` once under `deadline`, whose signal aborts when the per-attempt timeout (which also covers reading
 * the body) runs out or the caller's signal aborts; a caller abort rejects with its reason. Transport failures are
 * outcomes, not exceptions, so the caller can retry. A fetch that ignores the signal still cannot outlive the attempt.
 */
export async function attemptOnce(
  fetchImpl: FetchLike,
  request: Request,
  deadline: Deadline,
  caller: AbortSignal | undefined,
  /** The largest body read: past it, reading stops. */
  maxBytes: number,
): Promise<Attempt> {
  try {
    // The body is read inside the timeout, so a body that stalls half-way times out too and can be retried. The race
    // settles with nothing: `expired` outlives the attempt (its window serves others), and the race it joined would
    // otherwise keep this attempt's whole answer reachable until the window goes.
    let attempt: Attempt | undefined;
    const exchanged = exchange(fetchImpl, request, deadline.signal, maxBytes).then((result) => {
      attempt = result;
    });
    await Promise.race([exchanged, deadline.expired]);
    return attempt as Attempt;
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    return { outcome: deadline.timedOut ? { kind: "timeout", error } : { kind: "connection", error } };
  } finally {
    deadline.release();
  }
}

/** The request sent and its answer read in full. */
async function exchange(
  fetchImpl: FetchLike,
  request: Request,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Attempt> {
  const response = await fetchImpl(request, { signal });
  // An injected fetch may resolve anything: what is not a Response fails the attempt, as a transport error would.
  if (typeof response?.headers?.get !== "function" || typeof response.status !== "number") {
    throw new TypeError("fetch resolved to something that is not a Response (no status or headers)");
  }
  // A browser hands a redirect it was told not to follow over as status 0, without headers or body (Node, Deno and
  // Bun give the 3xx itself). Kept as it is: a Response cannot be built with status 0.
  if (response.type === "opaqueredirect") {
    return { outcome: { kind: "response", status: 0, headers: response.headers }, response, body: "" };
  }
  const text = await readText(response, maxBytes);
  const body = text ?? "";
  return {
    outcome: { kind: "response", status: response.status, headers: response.headers },
    response: bufferedResponse(response, body),
    body,
    tooLarge: text === undefined,
  };
}
