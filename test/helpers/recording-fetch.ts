/** An injected fetch for unit tests: answers from a function and records every request it is sent. */
import { type ClientOptions, createClient } from "../../src/index.js";

/** The base URL of unit tests: never resolved, the injected fetch answers. */
export const BASE_URL = "https://api.example.test/admin/api-access/v1";
/** The base URL's path: routes are read after it. */
export const BASE_PATH = new URL(BASE_URL).pathname;
/** A recognisable API key, so a leak is easy to find. */
export const API_KEY = "CANARY-ATATT3xFfGF0-unit-5f3c9e2d-CANARY";
export const ORG = "org-1";

/** A request as the injected fetch saw it. */
export interface SentRequest {
  method: string;
  url: URL;
  /** The URL's whole path, percent-encoded. */
  path: string;
  /** The path after BASE_PATH, still percent-encoded, e.g. "/orgs/org-1/api-tokens". */
  route: string;
  query: URLSearchParams;
  headers: Headers;
  body: string;
  /** When it was sent (Date.now(): fake timers apply). */
  at: number;
}

/** Answers the `index`-th request (0-based); `raw` is the Request itself and the signal the client sent it with. */
export type Respond = (
  request: SentRequest,
  index: number,
  raw: { request: Request; signal: AbortSignal },
) => Response | Promise<Response>;

/** A fetch that records each request in `requests`, then answers with `respond`. */
export function recordingFetch(respond: Respond) {
  const requests: SentRequest[] = [];
  const fetch = async (request: Request, init?: { signal?: AbortSignal }): Promise<Response> => {
    const url = new URL(request.url);
    const sent: SentRequest = {
      method: request.method,
      url,
      path: url.pathname,
      route: url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: await request.text(),
      at: Date.now(),
    };
    requests.push(sent);
    return respond(sent, requests.length - 1, { request, signal: init?.signal ?? request.signal });
  };
  return { fetch, requests };
}

/** A client over `respond` with no retries (so no test sleeps), and the requests it sent. */
export function testClient(respond: Respond, options: Partial<ClientOptions> = {}) {
  const { fetch, requests } = recordingFetch(respond);
  const client = createClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, maxRetries: 0, ...options });
  return { client, requests };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** A minimal valid token. */
export function token(id: string) {
  return {
    id,
    label: `label-${id}`,
    status: "ALLOWED",
    createdAt: "2025-01-01T00:00:00Z",
    user: { id: `user-${id}` },
  };
}
