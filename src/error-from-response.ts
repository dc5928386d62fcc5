/** The one factory that maps an error response to its error class, with a message saying what to do. */
import {
  type AdminApiError,
  type AdminApiErrorInit,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnexpectedStatusError,
} from "./errors.js";
import type { OperationPolicy } from "./operations.js";
import { type RateLimitInfo, readRateLimit } from "./rate-limit.js";
import { scrubSecret } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { redactedRequest, requestLine } from "./shown-request.js";

/** Headers that carry a request or trace id, most specific first. */
const REQUEST_ID_HEADERS = ["x-request-id", "atl-request-id", "atl-traceid", "x-trace-id", "x-b3-traceid"];

/** Query parameters that are not filters: a 500 cannot be blamed on them. */
const NOT_FILTERS = new Set(["pageSize", "cursor", "q", "tokenLabel"]);

export interface ResponseContext {
  request: Request;
  /** The API key: a server or proxy may echo it in a header (a request id, a redirect's target). */
  secret: string;
  operation: OperationPolicy | undefined;
  rateLimit: RateLimitInfo | undefined;
  now: number;
}

/** The error for a non-2xx `response` whose body openapi-fetch parsed (JSON) or kept as text. */
export function errorFromResponse(response: Response, body: unknown, ctx: ResponseContext): AdminApiError {
  const { status } = response;
  const url = new URL(ctx.request.url);
  const requestId = findRequestId(response.headers, body, ctx.secret);
  const init: AdminApiErrorInit = {
    status,
    body,
    requestId,
    request: redactedRequest(ctx.request, ctx.secret),
    rateLimit: readRateLimit(response.headers) ?? ctx.rateLimit,
  };
  const detail = findDetail(body);
  // One full stop, whether or not the server's words end with one.
  const head = `${status === 0 ? "A redirect" : status} on ${requestLine(ctx.request, ctx.secret)}${requestId ? ` (request id ${requestId})` : ""}${detail ? `: ${detail.replace(/\.+$/, "")}` : ""}.`;
  const scope = ctx.operation?.scope;
  if (status === 400)
    return new BadRequestError(`${head} The API rejected the request: check the parameters and ids.`, init);
  if (status === 401) {
    const needs = scope ? `the scope ${scope}` : "this operation's scope";
    return new AuthenticationError(
      `${head} The API key is missing, expired or wrong, or lacks ${needs} (Atlassian's gateway has been seen to answer that with a 401 too): use an organization API key from Atlassian Administration that has it.`,
      init,
    );
  }
  if (status === 403) {
    const needs = scope ? `needs the scope ${scope}` : "lacks the scope this operation needs";
    return new PermissionDeniedError(
      `${head} The API key ${needs}; Forge and OAuth 2.0 apps cannot call this API.`,
      init,
    );
  }
  if (status === 404)
    return new NotFoundError(
      `${head} Check the organization and account ids: presumably they do not exist or the key cannot see them.`,
      init,
    );
  if (status === 429) {
    // A Retry-After of 0 (or in the past) says nothing about when: the reset says more, as for the retry itself.
    const sent = parseRetryAfter(response.headers.get("retry-after"), ctx.now);
    const retryAfter = sent !== undefined && sent > 0 ? sent : undefined;
    const resetAt = init.rateLimit?.resetAt;
    const untilReset = resetAt && resetAt.getTime() > ctx.now ? resetAt.getTime() - ctx.now : undefined;
    const retryAfterMs = retryAfter ?? untilReset;
    const when =
      retryAfter !== undefined
        ? `in ${Math.ceil(retryAfter / 1000)} s`
        : resetAt
          ? `after ${resetAt.toISOString()}`
          : "later";
    return new RateLimitError(`${head} Rate limited: retry ${when}.`, { ...init, retryAfterMs, resetAt });
  }
  if (status >= 500 && status <= 599) {
    // A 500 is what invalid filter values have been reported to get; a 502, 503 or 504 is a gateway's or an outage's.
    const suspectFilters =
      status === 500 ? [...new Set(url.searchParams.keys())].filter((name) => !NOT_FILTERS.has(name)) : [];
    return new ServerError(`${head} The server failed; retry later.${suspectsText(suspectFilters)}`, {
      ...init,
      suspectFilters,
    });
  }
  const redirect = () => scrubSecret(redirectTarget(response.headers, url), ctx.secret);
  return new UnexpectedStatusError(`${head} ${unexpectedStatusAdvice(status, redirect)}`, init);
}

/** The end of a 5xx's message naming the filters sent (`ServerError.suspectFilters`), as `name` calls each. */
export function suspectsText(filters: readonly string[], name: (filter: string) => string = (f) => f): string {
  return filters.length > 0
    ? ` Invalid filter values have been reported to answer 500: check ${filters.map(name).join(", ")}.`
    : "";
}

/** What to do about a status no error class is for: the first rule that matches decides. */
function unexpectedStatusAdvice(status: number, redirect: () => string): string {
  if (status === 0 || (status >= 300 && status < 400))
    return `The API does not redirect${redirect()}: check baseUrl (a proxy or an old address may be answering). The redirect was not followed.`;
  if (status === 414 || status === 431)
    return "The request is too large for the server: an id or a filter value is far longer than a real one. Check the values passed; retrying will not help.";
  if (status === 408)
    return "The server gave up waiting for the request, on every attempt: check the network, then retry later.";
  return "No such answer is expected here: check baseUrl and the request; retrying will not help.";
}

/** Where a redirect points, without its query (which could carry anything): " (to https://host/path)", or "". */
function redirectTarget(headers: Headers, from: URL): string {
  try {
    const to = new URL(headers.get("location") ?? "", from);
    return headers.has("location") ? ` (to ${to.origin}${to.pathname})` : "";
  } catch {
    return "";
  }
}

/**
 * The request id a response carries, in a header or (Spring-style bodies) its `requestId`, with `secret` replaced: a
 * server or proxy may echo the key into one.
 */
export function findRequestId(headers: Headers, body: unknown, secret: string): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return scrubSecret(value, secret);
  }
  const fromBody = (body as { requestId?: unknown } | null)?.requestId;
  return typeof fromBody === "string" ? scrubSecret(fromBody, secret) : undefined;
}

/** The server's own words, from any of the error shapes Atlassian gateways use; never a whole HTML page. */
function findDetail(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const b = body as { errors?: { detail?: unknown; title?: unknown }[]; message?: unknown; error?: unknown };
  const first = Array.isArray(b.errors) ? b.errors[0] : undefined;
  const text = first?.detail ?? first?.title ?? b.message ?? b.error;
  return typeof text === "string" && text !== "" ? text.slice(0, 300) : undefined;
}
