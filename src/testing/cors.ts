/**
 * CORS, so a page on another localhost origin can call the sandbox: browser tests of the SDK, and the headers the
 * SDK reads (Retry-After, X-RateLimit-*, request ids) exposed to it.
 */
import type { IncomingMessage } from "node:http";

/** Headers on every answer. */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Request-Id, ATL-Request-Id, ATL-TraceId, X-Trace-Id, X-B3-TraceId",
};

/** The answer to a preflight: allows the API's methods and whatever headers the browser asks for. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  return {
    ...corsHeaders,
    "Access-Control-Allow-Methods": "GET, POST, DELETE",
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
  };
}

/** Whether `req` is a CORS preflight (recorded, then answered at once: no latency, no fault, no rate limit). */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}
