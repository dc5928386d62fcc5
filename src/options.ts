/** The options of `createClient`, documented once and resolved once: nothing downstream checks for undefined. */
import type { FetchLike } from "./attempt.js";
import { MAX_TIMER_MS } from "./delay.js";
import { InvalidInputError } from "./errors.js";
import type { Logger, LogLevel } from "./logger.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { shownValue } from "./shown-value.js";

/** The API's production base URL. */
export const DEFAULT_BASE_URL = "https://api.atlassian.com/admin/api-access/v1";

/** The largest response body read by default: 32 MiB, some 60 times a page of 1000 tokens. */
export const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432;

/** Options of `createClient`. */
export interface ClientOptions {
  /** An organization API key (Atlassian Administration > Settings > API keys). Never logged, thrown or serialised. */
  apiKey: string;
  /** @default "https://api.atlassian.com/admin/api-access/v1" */
  baseUrl?: string | undefined;
  /**
   * The fetch to send requests with, called as `fetch(request, { signal })`. Pass `init` on to the fetch you wrap,
   * so that timeouts and aborts cancel the request itself (a fetch that ignores it is abandoned, not cancelled).
   * @default globalThis.fetch
   */
  fetch?: FetchLike | undefined;
  /** Extra headers sent with every request. An Authorization header here is refused: use `apiKey`. */
  headers?: Record<string, string> | undefined;
  /** @default "atlassian-admin-api-access" */
  userAgent?: string | undefined;
  /** Retries after a 408, 429, 500, 502, 503, 504, connection error or timeout. @default 3 */
  maxRetries?: number | undefined;
  /**
   * Per-attempt timeout in ms, re-armed for every attempt. It fires no sooner, and at most timeout / 16 (never more
   * than a second) later: attempts that start close together share one timer and AbortSignal. At most 2147483647
   * (about 24.8 days), the longest a timer can wait. @default 30000
   */
  timeout?: number | undefined;
  /** A wait longer than this (ms) is not slept: RateLimitError is thrown at once. At most 2147483647. @default 60000 */
  maxRetryDelay?: number | undefined;
  /**
   * The largest response body read, in bytes: reading stops past it, and a 2xx that large throws
   * InvalidResponseError (an error status keeps its status, its body dropped; a revocation, whose body is ignored,
   * succeeds). A page of 1000 tokens is about 0.5 MB.
   * @default 33554432 (32 MiB)
   */
  maxResponseBytes?: number | undefined;
  /** Requests in flight at once when one call fans out (countTokens). @default 4 */
  concurrency?: number | undefined;
  /** Where log lines go. @default console */
  logger?: Logger | undefined;
  /** @default "off" */
  logLevel?: LogLevel | undefined;
  /** Logged bodies mask user emails unless this is "full". @default "masked" */
  logBodies?: "masked" | "full" | undefined;
}

/** Every option with its default applied. The key is kept apart, never in this object. */
export interface ResolvedOptions {
  baseUrl: string;
  fetch: FetchLike;
  headers: Record<string, string>;
  timeout: number;
  maxResponseBytes: number;
  concurrency: number;
  retry: RetryPolicy;
  logger: Logger;
  logLevel: LogLevel;
  logBodies: "masked" | "full";
}

const known = new Set<string>([
  "apiKey",
  "baseUrl",
  "fetch",
  "headers",
  "userAgent",
  "maxRetries",
  "timeout",
  "maxRetryDelay",
  "maxResponseBytes",
  "concurrency",
  "logger",
  "logLevel",
  "logBodies",
] satisfies (keyof ClientOptions)[]);

/**
 * The options as given, each read once: a getter or a proxy is not asked twice, so what is checked is what is used.
 * Throws InvalidInputError for anything but an object.
 */
export function givenOptions(options: ClientOptions): ClientOptions {
  if (options === null || typeof options !== "object")
    throw new InvalidInputError("options", "createClient needs an options object with apiKey");
  const unknown = Object.keys(options).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new InvalidInputError(unknown[0] as string, `Unknown createClient option(s): ${unknown.join(", ")}`);
  // Each known option read by name, so one inherited from a prototype (a class's getter) counts as it always did.
  const copy: Record<string, unknown> = {};
  for (const name of known) {
    const value = (options as unknown as Record<string, unknown>)[name];
    if (value !== undefined) copy[name] = value;
  }
  return copy as unknown as ClientOptions;
}

/**
 * Checks `options` (as `givenOptions` copied them) and applies the defaults; throws InvalidInputError naming the first
 * problem.
 */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const apiKey = apiKeyOf(options);
  const given: unknown = options.headers;
  if (given !== undefined && !isPlainObject(given)) {
    throw new InvalidInputError(
      "headers",
      'headers must be a plain object of names to values, e.g. { "X-Trace": "1" } (for a Headers, Object.fromEntries(headers))',
    );
  }
  const headers = { ...options.headers };
  if (Object.keys(headers).some((name) => name.toLowerCase() === "authorization")) {
    throw new InvalidInputError("headers", "Pass the key as apiKey, not as an Authorization header");
  }
  for (const [name, value] of Object.entries(headers)) assertHeader(`headers[${JSON.stringify(name)}]`, name, value);
  if (options.userAgent !== undefined) assertHeader("userAgent", "User-Agent", options.userAgent);
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    throw new InvalidInputError("fetch", "fetch must be a function: (request, { signal }) => Promise<Response>");
  if (typeof (options.fetch ?? globalThis.fetch) !== "function")
    throw new InvalidInputError("fetch", "No fetch available: pass options.fetch");
  return {
    baseUrl: baseUrlOf(options.baseUrl, apiKey),
    fetch: options.fetch ?? ((request, init) => globalThis.fetch(request, init)),
    headers: { "User-Agent": options.userAgent ?? "atlassian-admin-api-access", ...headers },
    timeout: timerMs("timeout", options.timeout, 30_000, 1),
    maxResponseBytes: count("maxResponseBytes", options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, 1),
    concurrency: count("concurrency", options.concurrency, 4, 1),
    retry: {
      ...defaultRetryPolicy,
      maxRetries: count("maxRetries", options.maxRetries, defaultRetryPolicy.maxRetries, 0),
      maxRetryDelayMs: timerMs("maxRetryDelay", options.maxRetryDelay, defaultRetryPolicy.maxRetryDelayMs, 0),
    },
    logger: loggerOf(options.logger),
    logLevel: oneOf("logLevel", options.logLevel, logLevels),
    logBodies: oneOf("logBodies", options.logBodies, ["masked", "full"] as const),
  };
}

/** What an Authorization header can carry as the key: one word of printable ASCII. */
export const API_KEY_SHAPE = /^[\x21-\x7e]+$/;

/**
 * The key as sent: surrounding whitespace (a key file's final newline) dropped, anything else that cannot be in an
 * Authorization header refused. No message quotes the key.
 */
export function apiKeyOf(options: Pick<ClientOptions, "apiKey">): string {
  const key = typeof options.apiKey === "string" ? options.apiKey.trim() : "";
  if (key === "") {
    throw new InvalidInputError("apiKey", "createClient needs apiKey: an organization API key (a non-empty string)");
  }
  if (!API_KEY_SHAPE.test(key)) {
    throw new InvalidInputError("apiKey", "apiKey must be one line of printable ASCII, without spaces");
  }
  return key;
}

/**
 * An absolute http(s) URL, without trailing slashes, that paths can be appended to: no query or fragment (they would
 * swallow the path), no user:password (fetch refuses to send such a URL, and it would be a second credential). The
 * key is masked should it have been pasted into the URL, and a password is never quoted.
 */
function baseUrlOf(value: string | undefined, apiKey: string): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {}
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    const shown = typeof value === "string" ? JSON.stringify(value.split(apiKey).join("[REDACTED]")) : typeof value;
    throw new InvalidInputError(
      "baseUrl",
      `baseUrl must be an absolute http(s) URL, such as ${DEFAULT_BASE_URL}; got ${shown}`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new InvalidInputError(
      "baseUrl",
      "baseUrl must not carry a user name or password (user:password@host): the API key is the one credential",
    );
  }
  if (/[?#]/.test(value)) {
    throw new InvalidInputError(
      "baseUrl",
      `baseUrl must not have a query or fragment (?... or #...), which the paths would be appended to; got ${JSON.stringify((value.split(/[?#]/)[0] ?? "").split(apiKey).join("[REDACTED]"))} with one`,
    );
  }
  return value.replace(/\/+$/, "");
}

/** An object of names to values, from any realm; not a Headers, a Map, an array or a string. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && Object.prototype.toString.call(value) === "[object Object]";
}

/**
 * Headers Node's fetch refuses on every request (its HTTP client frames the connection itself), which would fail every
 * call as a network error: these names, and a Connection other than "close" or "keep-alive".
 */
const REFUSED_HEADERS = new Set(["expect", "keep-alive", "transfer-encoding", "upgrade"]);
const CONNECTION_VALUES = new Set(["close", "keep-alive"]);

/** A token (RFC 9110 5.6.2), as a header name must be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~\w-]+$/;
/** Whether `value` can be a header value: no control character but tab, nothing beyond a byte (RFC 9110 5.5). */
function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || code > 0xff) return false;
  }
  return true;
}

/** A header name and value that fetch sends; the value is not quoted, in case it is a credential. */
function assertHeader(option: string, name: string, value: unknown): void {
  if (!HEADER_NAME.test(name) || typeof value !== "string" || !isHeaderValue(value)) {
    throw new InvalidInputError(
      option,
      `${option} is not a valid HTTP header (a name that is not a token, or a value with a control character)`,
    );
  }
  const lower = name.toLowerCase();
  if (REFUSED_HEADERS.has(lower) || (lower === "connection" && !CONNECTION_VALUES.has(value.trim().toLowerCase())))
    throw new InvalidInputError(
      option,
      `${option}: fetch refuses to send ${name} as given (it frames the connection itself)`,
    );
}

const logLevels = ["off", "error", "warn", "info", "debug"] as const satisfies readonly LogLevel[];

/** `value` when it is one of `allowed`, the first of them when undefined. */
function oneOf<T extends string>(name: string, value: T | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0] as T;
  if (!allowed.includes(value))
    throw new InvalidInputError(name, `${name} must be one of ${allowed.join(", ")}; got ${shownValue(value)}`);
  return value;
}

function loggerOf(logger: Logger | undefined): Logger {
  if (logger === undefined) return console;
  const methods = ["debug", "info", "warn", "error"] as const;
  if (logger === null || typeof logger !== "object" || methods.some((m) => typeof logger[m] !== "function"))
    throw new InvalidInputError("logger", `logger must have the methods ${methods.join(", ")}, as console does`);
  return logger;
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min)
    throw new InvalidInputError(name, `${name} must be an integer >= ${min}; got ${shownValue(value)}`);
  return value;
}

/** A count of milliseconds that a timer will wait: at most `MAX_TIMER_MS`. */
function timerMs(name: string, value: number | undefined, fallback: number, min: number): number {
  const ms = count(name, value, fallback, min);
  if (ms > MAX_TIMER_MS) {
    throw new InvalidInputError(
      name,
      `${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days), the longest a timer can wait; got ${ms}`,
    );
  }
  return ms;
}
