/** How an error or a log line shows the request it is about: its method and path, and a redacted copy. */
import type { RedactedRequest } from "./errors.js";
import { redactHeaders } from "./redact.js";

/** `GET /admin/api-access/v1/orgs/o/api-tokens`: the method and the path, without the query. */
export function requestLine(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

/** Method, URL and headers of `request`, the Authorization credential redacted. */
export function redactedRequest(request: Request): RedactedRequest {
  return { method: request.method, url: request.url, headers: redactHeaders(request.headers) };
}
