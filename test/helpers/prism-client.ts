/** A facade client pointed at the Prism of test/setup/prism.ts, recording what Prism answered to each request. */
import { inject } from "vitest";
import { spec } from "../../src/generated/admin-api-access.spec.js";
import { type ClientOptions, createClient } from "../../src/index.js";

/** The spec's example ids: Prism answers any id, these keep the requests realistic. */
export const ORG = spec.components.parameters.orgId.example;
export const ACCOUNT = spec.components.parameters.accountId.example;

/** One request the facade sent and Prism's answer to it. */
export interface Exchange {
  method: string;
  url: URL;
  status: number;
  /** Prism's `sl-violations` header: the request (or response) violations it found, or null for none. */
  violations: string | null;
}

/** A client of Prism with no retries; `exchanges` lists every request and Prism's answer, in order. */
export function prismClient(options: Partial<ClientOptions> = {}) {
  const exchanges: Exchange[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const response = await globalThis.fetch(request);
    exchanges.push({
      method: request.method,
      url: new URL(request.url),
      status: response.status,
      violations: response.headers.get("sl-violations"),
    });
    return response;
  };
  const client = createClient({
    apiKey: "contract-test-key",
    baseUrl: inject("prismUrl"),
    fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, exchanges };
}
