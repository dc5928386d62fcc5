/** `createClient`: options resolved once, one transport, one rate-limit state, thin resources over openapi-fetch. */
import createFetchClient from "openapi-fetch";
import type { CallContext } from "./call.js";
import type { paths } from "./generated/admin-api-access.js";
import { LazyRequest } from "./lazy-request.js";
import { apiKeyOf, type ClientOptions, givenOptions, resolveOptions } from "./options.js";
import { serializePath } from "./path.js";
import { type RateLimitInfo, RateLimitState } from "./rate-limit.js";
import { apiTokens } from "./resources/api-tokens.js";
import { serviceAccounts } from "./resources/service-accounts.js";
import { createTransport } from "./transport.js";

/** A client of the Admin API Access API. The API key lives in closures only: inspecting the client never shows it. */
export function createClient(options: ClientOptions) {
  const given = givenOptions(options);
  const resolved = resolveOptions(given);
  const apiKey = apiKeyOf(given);
  const state = new RateLimitState();
  const transport = createTransport(resolved, state, apiKey);
  const raw = createFetchClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: transport,
    headers: { ...resolved.headers, Authorization: `Bearer ${apiKey}` },
    pathSerializer: serializePath,
    Request: LazyRequest,
    // The API does not redirect. A 3xx is answered as UnexpectedStatusError, never followed: a followed redirect
    // would turn a DELETE into a GET elsewhere and report success, or read a count from whatever answered.
    redirect: "manual",
  });
  const ctx: CallContext = { raw, transport, state, secret: apiKey, concurrency: resolved.concurrency };
  return {
    /** The org's user API tokens. */
    apiTokens: apiTokens(ctx),
    /** The org's service accounts' API tokens. */
    serviceAccounts: serviceAccounts(ctx),
    /** The underlying openapi-fetch client, with the same auth, retries and rate-limit handling. */
    raw,
    /** The latest `X-RateLimit-*` values the API sent, or undefined before any response. */
    get rateLimit(): RateLimitInfo | undefined {
      return state.latest;
    },
  };
}

/** The client `createClient` returns. */
export type AdminApiClient = ReturnType<typeof createClient>;
