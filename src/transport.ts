/**
 * The fetch given to openapi-fetch: one request in, one final response out, with retries, a per-attempt timeout,
 * the caller's AbortSignal, the client-wide rate-limit cool-down and logging. It sits beneath openapi-fetch because
 * middleware cannot re-send a request.
 */

import { type Attempt, attemptOnce } from "./attempt.js";
import { causeText } from "./cause-text.js";
import { createDeadlines } from "./deadlines.js";
import { delay } from "./delay.js";
import { describeBody } from "./describe-body.js";
import { findRequestId } from "./error-from-response.js";
import { ConnectionError, InvalidResponseError, RateLimitError, TimeoutError } from "./errors.js";
import { builtBody } from "./lazy-request.js";
import { logAt } from "./logger.js";
import { type OperationPolicy, operationFor } from "./operations.js";
import type { ResolvedOptions } from "./options.js";
import type { RateLimitState } from "./rate-limit.js";
import { scrubCause } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { type AttemptOutcome, retryDelay, shouldRetry } from "./retry-policy.js";
import { redactedRequest, requestLine } from "./shown-request.js";

export type Transport = (request: Request, handoff?: Handoff) => Promise<Response>;

/**
 * Given by the facade with each request it sends: the caller's signal (the facade's requests carry none, which
 * spares a signal per request) and the operation, known without matching the URL. Requests sent through
 * `client.raw` come without one: their own signal is the caller's, and their operation is found by method and path.
 */
export interface Handoff {
  caller: AbortSignal | undefined;
  operation: OperationPolicy;
}

/** Clock and randomness, replaceable in tests. */
export interface TransportEnv {
  now: () => number;
  random: () => number;
}

// Late-bound, so fake clocks in tests apply.
const realEnv: TransportEnv = { now: () => Date.now(), random: () => Math.random() };

export function createTransport(
  options: ResolvedOptions,
  state: RateLimitState,
  /** The API key, only to scrub it from log lines and errors a server or a fetch might echo it in. */
  secret: string,
  env: TransportEnv = realEnv,
): Transport {
  const { retry, timeout } = options;
  const debug = logAt(options.logger, options.logLevel, "debug", secret);
  const info = logAt(options.logger, options.logLevel, "info", secret);
  const deadlineFor = createDeadlines(timeout);

  return async function send(request, handoff) {
    const signal = handoff ? handoff.caller : request.signal;
    const what = () => requestLine(request, secret);
    // A body stream can be sent only once: the retries send the body the request was built with, or a copy read
    // from a clone (a request built elsewhere, or with a body that is not a string). A copy that cannot be read (the
    // caller's body stream failed) is null: it fails nothing unless a retry needs it, and then ends the retries.
    const spare =
      request.body === null
        ? undefined
        : (builtBody(request) ??
          request
            .clone()
            .arrayBuffer()
            .catch(() => null));
    for (let retries = 0; ; retries++) {
      const waiting = coolDown(state, signal, env, retry.maxRetryDelayMs, request, secret);
      if (waiting) await waiting;
      const started = env.now();
      // Sent as it is the first time; a body-less request can be sent again as it is, others get their body back.
      const sent =
        retries === 0 || !spare
          ? request
          : new Request(request.url, {
              method: request.method,
              headers: request.headers,
              body: await spare,
              redirect: request.redirect,
            });
      let attempt: Attempt;
      try {
        if (signal?.aborted) throw signal.reason;
        const deadline = deadlineFor(started, signal);
        attempt = await attemptOnce(options.fetch, sent, deadline, signal, options.maxResponseBytes);
      } catch (error) {
        state.settled();
        throw error;
      }
      const outcome = attempt.outcome;
      try {
        // Observed before settling, so requests waiting for this answer see what it says.
        if (outcome.kind === "response") state.observe(outcome.status, outcome.headers, started, env.now());
      } finally {
        // Always: a request never settled would hold every later one of the client waiting for its answer.
        state.settled();
      }
      debug?.(
        `${what()} -> ${outcome.kind === "response" ? outcome.status : outcome.kind} in ${env.now() - started} ms (attempt ${retries + 1})${describeBody(
          attempt.body,
          options.logBodies,
          secret,
        )}`,
      );
      const operation = handoff?.operation ?? operationFor(request.method, new URL(request.url).pathname);
      const canRetry = shouldRetry(outcome, retries, retry) && operation?.retrySafe === true;
      const tooMany = outcome.kind === "response" && outcome.status === 429;
      if (!canRetry && !tooMany) return finish(attempt, request, retries, operation);
      const wait = retryDelay(outcome, retries, retry, env.now(), env.random);
      // After a 429 every request of the client waits as long, whether or not this one is retried: the next call
      // then waits, or throws RateLimitError without sending when the wait is beyond maxRetryDelay.
      if (tooMany && holdsCoolDown(outcome, wait, retry.maxRetryDelayMs, env.now())) state.block(env.now() + wait);
      if (!canRetry) return finish(attempt, request, retries, operation);
      if (wait > retry.maxRetryDelayMs) {
        info?.(
          `${what()}: not retrying, the server asks to wait ${wait} ms (maxRetryDelay ${retry.maxRetryDelayMs} ms)`,
        );
        return finish(attempt, request, retries, operation);
      }
      if (spare !== undefined && (await spare) === null) {
        info?.(`${what()}: not retrying, the request's body could not be read again`);
        return finish(attempt, request, retries, operation);
      }
      info?.(
        `${what()}: retrying after ${describeOutcome(outcome)} in ${wait} ms (retry ${retries + 1} of ${retry.maxRetries})`,
      );
      await delay(wait, signal);
    }
  };

  /**
   * The final answer: the response (errors are mapped by the caller), or the error of an attempt without one. A body
   * over maxResponseBytes leaves an error status its class (the body dropped) and a revocation its success (its body
   * is ignored); any other 2xx cannot be used.
   */
  function finish(
    attempt: Attempt,
    request: Request,
    retries: number,
    operation: OperationPolicy | undefined,
  ): Response {
    const { response, outcome } = attempt;
    if (response && !(attempt.tooLarge && response.ok && operation?.readsBody !== false)) return response;
    const where = requestLine(request, secret);
    const init = {
      request: redactedRequest(request, secret),
      rateLimit: state.latest,
    };
    if (outcome.kind === "response") {
      const requestId = findRequestId(outcome.headers, undefined, secret);
      throw new InvalidResponseError(
        `${outcome.status} on ${where}${requestId ? ` (request id ${requestId})` : ""}: the body is larger than ` +
          `maxResponseBytes (${options.maxResponseBytes} bytes), so reading stopped there. Ask for less (a smaller ` +
          "pageSize), or raise maxResponseBytes if the API really sends this much.",
        { ...init, status: outcome.status, requestId },
      );
    }
    const cause = scrubCause(outcome.error, secret);
    const tries = `${retries + 1} attempt${retries === 0 ? "" : "s"}`;
    if (outcome.kind === "timeout") {
      throw new TimeoutError(
        `${where} timed out after ${tries}: the API did not answer in time. Retry later, or raise the timeout.`,
        { ...init, cause },
      );
    }
    throw new ConnectionError(
      `${where} failed after ${tries}: could not reach the API (${causeText(cause)}). Check the network and the base URL, then retry.`,
      { ...init, cause },
    );
  }
}

/** The longest cool-down a 429 can impose on the client: a longer Retry-After is more likely garbage than meant. */
const MAX_COOL_DOWN_MS = 86_400_000;

/**
 * Whether a 429's `wait` holds every request of the client. Within maxRetryDelay, always. Beyond it only when the
 * server said so in Retry-After, which is relative: a wait read from X-RateLimit-Reset that far off is more likely
 * clock skew (as RateLimitState.pace judges it), and the server decides then. Never beyond a day, nor infinite.
 */
function holdsCoolDown(outcome: AttemptOutcome, wait: number, maxRetryDelayMs: number, now: number): boolean {
  if (!(wait <= MAX_COOL_DOWN_MS) || outcome.kind !== "response") return false;
  return wait <= maxRetryDelayMs || (parseRetryAfter(outcome.headers.get("retry-after"), now) ?? 0) > 0;
}

/**
 * Waits for the client-wide cool-down, re-checked after every wait (answers that arrived meanwhile may change it),
 * then counts the request as sent in the same synchronous step, so requests woken together cannot all see room for
 * one. Returns undefined when there is nothing to wait for (the request is counted at once), so the common case
 * costs no promise. A cool-down beyond `maxWaitMs` throws RateLimitError instead.
 */
function coolDown(
  state: RateLimitState,
  signal: AbortSignal | undefined,
  env: TransportEnv,
  maxWaitMs: number,
  request: Request,
  /** Replaced in the error's request line and URL. */
  secret: string,
): Promise<void> | undefined {
  const pace = state.pace(env.now(), maxWaitMs);
  if (pace !== "await-answer" && pace.ms <= 0) {
    state.sent();
    return undefined;
  }
  return (async () => {
    for (;;) {
      const next = state.pace(env.now(), maxWaitMs);
      if (next === "await-answer") {
        await state.nextAnswer(signal);
        continue;
      }
      if (next.ms <= 0) return state.sent();
      if (next.ms > maxWaitMs) {
        const resetAt = new Date(env.now() + next.ms);
        throw new RateLimitError(
          `${requestLine(request, secret)}: rate limited for ${Math.ceil(next.ms / 1000)} s more; retry after ${resetAt.toISOString()}.`,
          {
            status: 429,
            request: redactedRequest(request, secret),
            rateLimit: state.latest,
            retryAfterMs: next.ms,
            resetAt,
          },
        );
      }
      await delay(next.ms, signal);
    }
  })();
}

function describeOutcome(outcome: AttemptOutcome): string {
  return outcome.kind === "response"
    ? `HTTP ${outcome.status}`
    : outcome.kind === "timeout"
      ? "a timeout"
      : "a connection error";
}
