/** One helper unwraps openapi-fetch's `{ data, error, response }`: callers of the facade see data or an error. */
import type { Client } from "openapi-fetch";
import { errorFromResponse, findRequestId } from "./error-from-response.js";
import { InvalidResponseError } from "./errors.js";
import type { paths } from "./generated/admin-api-access.js";
import { type OperationId, operationPolicies } from "./operations.js";
import type { RateLimitState } from "./rate-limit.js";
import { scrubCause, scrubSecret } from "./redact.js";
import { redactedRequest, requestLine } from "./shown-request.js";
import type { Handoff, Transport } from "./transport.js";
import { withoutExcerpt } from "./without-excerpt.js";

/** What every resource method needs. */
export interface CallContext {
  raw: Client<paths>;
  transport: Transport;
  state: RateLimitState;
  /** The API key, only to scrub it from anything a server might echo back. */
  secret: string;
  concurrency: number;
}

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * Runs `send` (an openapi-fetch call given a fetch to use) and returns its data, or throws the mapped error.
 * The fetch wrapper notes the request and response, which openapi-fetch's result does not carry.
 */
export async function call<T>(
  ctx: CallContext,
  id: OperationId,
  /** The caller's signal: cancels the call, waits between retries included. */
  caller: AbortSignal | undefined,
  /** Sends the request with openapi-fetch, given the fetch to send it with (the request itself carries no signal). */
  send: (init: { fetch: Transport }) => Promise<Result>,
  /** Says what is wrong with a 2xx body that does not have the spec's shape, or undefined when it does. */
  check?: (data: unknown) => string | undefined,
): Promise<T> {
  let request: Request | undefined;
  let response: Response | undefined;
  const handoff: Handoff = { caller, operation: operationPolicies[id] };
  const fetch: Transport = async (sent) => {
    request = sent;
    response = await ctx.transport(sent, handoff);
    return response;
  };
  let result: Result;
  try {
    result = await send({ fetch });
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    // openapi-fetch's JSON.parse of a 2xx body failed: a cut-off or non-JSON answer.
    if (error instanceof SyntaxError && request && response) {
      const type = response.headers.get("content-type") ?? "none";
      const problem = `the body is not valid JSON (content-type ${type})`;
      throw invalidBody(ctx, request, response, undefined, problem, withoutExcerpt(error));
    }
    throw error;
  }
  if (result.response.ok) {
    if (check?.(result.data) && request) {
      // Said of the body with the key replaced: a problem that quotes some of the body (cut short) must not quote
      // the start of a key the server echoed there.
      const shown = check(scrubSecret(result.data, ctx.secret)) ?? "the body does not have the shape the spec gives";
      throw invalidBody(ctx, request, result.response, result.data, shown);
    }
    return result.data as T;
  }
  const body = scrubSecret(result.error, ctx.secret);
  throw errorFromResponse(result.response, body, {
    request: request as Request,
    secret: ctx.secret,
    operation: operationPolicies[id],
    rateLimit: ctx.state.latest,
    now: Date.now(),
  });
}

/** A 2xx answer the client cannot use: its body (when parsed, the key scrubbed), request id and rate limit kept. */
function invalidBody(
  ctx: CallContext,
  request: Request,
  response: Response,
  data: unknown,
  problem: string,
  cause?: unknown,
): InvalidResponseError {
  // A server may echo the key anywhere: in the body (quoted by `problem` or a parse error's message) or a header.
  const body = scrubSecret(data, ctx.secret);
  const requestId = findRequestId(response.headers, body, ctx.secret);
  const id = requestId ? ` (request id ${requestId})` : "";
  return new InvalidResponseError(
    `${response.status} on ${requestLine(request, ctx.secret)}${id}: ${scrubSecret(problem, ctx.secret)}. Retry; if it persists, something between you and the API is answering instead of it.`,
    {
      status: response.status,
      body,
      requestId,
      request: redactedRequest(request, ctx.secret),
      rateLimit: ctx.state.latest,
      cause: scrubCause(cause, ctx.secret),
    },
  );
}
