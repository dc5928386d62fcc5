/** The error hierarchy: one base class carrying the request and response, one-line subclasses per cause. */
import type { RateLimitInfo } from "./rate-limit.js";
import type { ServiceAccountTokenCounts } from "./types.js";

/** The request an error is about, redacted: the Authorization header keeps its scheme, never the key. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** What an `AdminApiError` is built from. */
export interface AdminApiErrorInit {
  status?: number | undefined;
  body?: unknown;
  requestId?: string | undefined;
  request?: RedactedRequest | undefined;
  rateLimit?: RateLimitInfo | undefined;
  cause?: unknown;
}

/** Base class of every error the client throws for a request: HTTP errors, transport failures, bad responses. */
export class AdminApiError extends Error {
  override name = "AdminApiError";
  /** The HTTP status, or undefined when no response arrived. */
  readonly status: number | undefined;
  /** The parsed JSON body, or its text when it is not JSON. */
  readonly body: unknown;
  /** The request id the server returned (header or body), when it returned one. */
  readonly requestId: string | undefined;
  /** Method, URL and redacted headers of the request. */
  readonly request: RedactedRequest | undefined;
  /** The client's latest rate-limit state when the error happened. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** In a pagination walk: the cursor to pass as `startCursor` to resume where the walk failed. */
  resumeCursor: string | undefined;
  /** In a fan-out (countTokens): the merged results of the requests that succeeded; undefined elsewhere. */
  partialResult: ServiceAccountTokenCounts | undefined;

  constructor(message: string, init: AdminApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId;
    this.request = init.request;
    this.rateLimit = init.rateLimit;
    this.resumeCursor = undefined;
    this.partialResult = undefined;
  }
}

/** 400: the API rejected the request's parameters or body. */
export class BadRequestError extends AdminApiError {
  override name = "BadRequestError";
}
/** 401: the API key is missing, expired or wrong, or (as Atlassian's gateway may answer) lacks the scope. */
export class AuthenticationError extends AdminApiError {
  override name = "AuthenticationError";
}
/** 403: the key lacks the operation's scope, or the caller is a Forge or OAuth app. */
export class PermissionDeniedError extends AdminApiError {
  override name = "PermissionDeniedError";
}
/** 404: the organization or service account does not exist, or the key cannot see it. */
export class NotFoundError extends AdminApiError {
  override name = "NotFoundError";
}
/** 5xx: the server failed. */
export class ServerError extends AdminApiError {
  override name = "ServerError";
  /**
   * On a 500: the filters the request sent (query parameters such as `status` or `createdAtFrom`), which the message
   * names: invalid filter values have been reported to answer 500, so they are the first to check. Empty for any
   * other status, or when no filter was sent.
   */
  readonly suspectFilters: readonly string[];

  constructor(message: string, init: AdminApiErrorInit & { suspectFilters?: readonly string[] } = {}) {
    super(message, init);
    this.suspectFilters = init.suspectFilters ?? [];
  }
}
/** Any other status (a redirect, 405, 409, 422, ...): not one the API documents; something else may be answering. */
export class UnexpectedStatusError extends AdminApiError {
  override name = "UnexpectedStatusError";
}
/** A 2xx whose body is not what the spec says (not JSON, wrong shape, a repeated cursor) or is over maxResponseBytes. */
export class InvalidResponseError extends AdminApiError {
  override name = "InvalidResponseError";
}
/** No response: the connection failed or was reset. `cause` holds the original error. */
export class ConnectionError extends AdminApiError {
  override name = "ConnectionError";
}
/** No response within the per-attempt `timeout`, on every attempt. */
export class TimeoutError extends AdminApiError {
  override name = "TimeoutError";
}

/** 429: rate limited, and retrying would wait longer than allowed (or retries ran out). */
export class RateLimitError extends AdminApiError {
  override name = "RateLimitError";
  /** How long to wait before retrying, in ms: `Retry-After` when sent, else the time until the window resets. */
  readonly retryAfterMs: number | undefined;
  /** When the rate-limit window resets, when the server said. */
  readonly resetAt: Date | undefined;

  constructor(
    message: string,
    init: AdminApiErrorInit & { retryAfterMs?: number | undefined; resetAt?: Date | undefined },
  ) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
    this.resetAt = init.resetAt;
  }
}

/** Input the client can reject before sending anything: an empty id, a non-integer pageSize, an unknown option. */
export class InvalidInputError extends TypeError {
  override name = "InvalidInputError";
  /** The parameter or option at fault. */
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }
}
