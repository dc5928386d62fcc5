/** One attempt of a request: the per-attempt timeout, the caller's signal, the body read in full. */
import type { AttemptOutcome } from "./retry-policy.js";
import type { Transport } from "./transport.js";

/** A timeout is told apart from a caller abort by this reason. */
const TIMED_OUT = Symbol("timed out");

/** How one attempt went: the outcome, and the buffered response when one arrived. */
export interface Attempt {
  outcome: AttemptOutcome;
  response?: Response;
  body?: ArrayBuffer;
}

/**
 * Sends `request` once, under a per-attempt timeout that also covers reading the body, and the caller's signal
 * (whose abort rejects with its reason). Transport failures are outcomes, not exceptions, so the caller can retry.
 */
export async function attemptOnce(
  fetchImpl: Transport,
  sent: Request,
  /** Aborts `sent`: on timeout here, and whenever `caller` aborts. */
  controller: AbortController,
  timeout: number,
  caller: AbortSignal,
): Promise<Attempt> {
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const forward = () => controller.abort(caller.reason);
  caller.addEventListener("abort", forward, { once: true });
  try {
    const response = await fetchImpl(sent);
    // Buffer inside the timeout, so a body that stalls half-way times out too and can be retried.
    const buffered = await response.arrayBuffer();
    const init = { status: response.status, statusText: response.statusText, headers: response.headers };
    const copy = new Response(nullBodyStatus(response.status) ? null : buffered, init);
    return {
      outcome: { kind: "response", status: response.status, headers: response.headers },
      response: copy,
      body: buffered,
    };
  } catch (error) {
    if (caller.aborted) throw caller.reason;
    return {
      outcome: controller.signal.reason === TIMED_OUT ? { kind: "timeout", error } : { kind: "connection", error },
    };
  } finally {
    clearTimeout(timer);
    caller.removeEventListener("abort", forward);
  }
}

function nullBodyStatus(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}
