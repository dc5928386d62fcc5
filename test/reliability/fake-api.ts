/** An injected fetch for reliability tests: answers from a script and records what it was sent, and when. */
import { createClient } from "../../src/index.js";
import { recordingFetch, type SentRequest } from "../helpers/recording-fetch.js";

export const ORG = "org-1";
export const BASE = "http://127.0.0.1:1/admin/api-access/v1";

/** A request as the fake API saw it: method, path, query, body, and when it came. */
export type Seen = SentRequest;

/** Answers one request; `signal` is the one the client sent it with (aborted on timeout or by the caller). */
export type Handler = (
  request: Request,
  seen: Seen,
  index: number,
  signal: AbortSignal,
) => Response | Promise<Response>;

/** A client (with the default retries) whose fetch calls `handler`; `seen` lists every request in order. */
export function fakeApi(handler: Handler, options: Partial<Parameters<typeof createClient>[0]> = {}) {
  const { fetch, requests: seen } = recordingFetch((sent, index, raw) => handler(raw.request, sent, index, raw.signal));
  const client = createClient({ apiKey: "test-key", baseUrl: BASE, fetch, ...options });
  return { client, seen };
}

/** A JSON response with the given status and headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** A gateway's HTML error page. */
export function html(status: number): Response {
  return new Response(`<html><body><h1>${status}</h1>upstream failed</body></html>`, {
    status,
    headers: { "content-type": "text/html" },
  });
}

/** A token with a given id. */
export function token(id: string) {
  return {
    id,
    label: `label-${id}`,
    status: "ALLOWED",
    createdAt: "2025-01-01T00:00:00Z",
    user: { id: "u1", email: "mia@example.com" },
  };
}

/** A list of `total` tokens served in pages of `pageSize`, cursors "c<offset>". */
export function pageOf(total: number, pageSize: number, query: URLSearchParams) {
  const offset = Number(query.get("cursor")?.slice(1) ?? 0);
  const end = Math.min(total, offset + pageSize);
  const data = Array.from({ length: end - offset }, (_, i) => token(`t${offset + i}`));
  return { data, links: end < total ? { self: `c${offset}`, next: `c${end}` } : { self: `c${offset}` } };
}

/** Drives fake timers until `promise` settles (each step runs due timers and lets promises run). */
export async function settle<T>(
  promise: Promise<T>,
  advance: (ms: number) => Promise<unknown>,
  stepMs = 100,
): Promise<T> {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  watched.catch(() => {});
  for (let i = 0; !done && i < 100_000; i++) await advance(stepMs);
  return watched;
}
