/** How an error or a log line shows the request it is about: its method and path, and a redacted copy. */
import type { RedactedRequest } from "./errors.js";
import { redactHeaders, scrubSecret } from "./redact.js";

/**
 * `GET /admin/api-access/v1/orgs/o/api-tokens`: the method and the path, without the query, `secret` replaced (a key
 * passed by mistake as an id is in the path).
 */
export function requestLine(request: Request, secret: string): string {
  return `${request.method} ${scrubSecret(new URL(request.url).pathname, secret)}`;
}

/** Method, URL and headers of `request`, the Authorization credential redacted and `secret` replaced in the URL. */
export function redactedRequest(request: Request, secret: string): RedactedRequest {
  return { method: request.method, url: scrubSecret(request.url, secret), headers: redactHeaders(request.headers) };
}
