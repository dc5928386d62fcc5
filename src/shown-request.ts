/** How an error or a log line shows the request it is about: its method and path, and a redacted copy. */
import type { RedactedRequest } from "./errors.js";
import { redactHeaders, scrubSecret } from "./redact.js";

/** The longest path a message shows whole: an id a hundred thousand characters long is not quoted whole. */
const MAX_PATH_SHOWN = 300;

/**
 * `GET /admin/api-access/v1/orgs/o/api-tokens`: the method and the path, without the query, `secret` replaced (a key
 * passed by mistake as an id is in the path), cut at `MAX_PATH_SHOWN` characters.
 */
export function requestLine(request: Request, secret: string): string {
  const path = scrubSecret(new URL(request.url).pathname, secret);
  const shown = path.length > MAX_PATH_SHOWN ? `${path.slice(0, MAX_PATH_SHOWN)}… (${path.length} characters)` : path;
  return `${request.method} ${shown}`;
}

/** Method, URL and headers of `request`: the Authorization credential redacted, `secret` replaced in the rest. */
export function redactedRequest(request: Request, secret: string): RedactedRequest {
  return {
    method: request.method,
    url: scrubSecret(request.url, secret),
    headers: redactHeaders(request.headers, secret),
  };
}
