/** The three ways of calling the API that the benchmarks compare: the facade, bare openapi-fetch, raw fetch. */
import { fileURLToPath, pathToFileURL } from "node:url";
import createFetchClient from "openapi-fetch";
import type { paths } from "../../src/generated/admin-api-access.js";
import type { ClientOptions, createClient as CreateClient } from "../../src/index.js";
import { buildCoreForNode } from "./bundle.js";

/**
 * The SDK as published: the sources bundled by esbuild as tsup builds dist/index.js, openapi-fetch imported from
 * node_modules like the bare variant's. Not the sources through tsx, whose keepNames wraps every closure the SDK
 * creates in a naming call that the published build does not make.
 */
const SDK = fileURLToPath(new URL("../../node_modules/.cache/admin-api-access-bench/sdk.mjs", import.meta.url));
await buildCoreForNode(SDK);
const { createClient } = (await import(pathToFileURL(SDK).href)) as { createClient: typeof CreateClient };

export const API_KEY = "bench-fake-key";
const headers = { Authorization: `Bearer ${API_KEY}`, "User-Agent": "bench" };

/** The SDK with every default on (timeout, retries, rate-limit tracking). */
export function facade(baseUrl: string, options: Partial<ClientOptions> = {}) {
  return createClient({ apiKey: API_KEY, baseUrl, ...options });
}

/** openapi-fetch's own client over the same generated `paths`, nothing added. */
export function bare(baseUrl: string, fetch?: (request: Request) => Promise<Response>) {
  return createFetchClient<paths>({ baseUrl, headers, ...(fetch ? { fetch } : {}) });
}

/** `fetch` + `json()`, by hand. */
export async function rawGet(url: string, fetch: (request: Request) => Promise<Response>): Promise<unknown> {
  const response = await fetch(new Request(url, { headers }));
  if (!response.ok) throw new Error(`HTTP ${response.status} on ${url}`);
  return response.json();
}

/** The global fetch, called the way the facade calls it. */
export const globalFetch = (request: Request) => globalThis.fetch(request);

/** What a cursor loop reads of a page. */
interface WalkPage {
  data: { id: string }[];
  links?: { next?: string | null };
}

/** A hand-written cursor loop: pages from `getPage` until `links.next` runs out. Returns the items seen. */
async function cursorLoop(getPage: (cursor: string | undefined) => Promise<WalkPage>): Promise<number> {
  let items = 0;
  let cursor: string | undefined;
  do {
    const page = await getPage(cursor);
    for (const token of page.data) if (token.id) items++;
    cursor = page.links?.next || undefined;
  } while (cursor);
  return items;
}

/** The cursor loop over raw fetch: the baseline of the walk benchmark. */
export function rawWalk(baseUrl: string, orgId: string, pageSize: number): Promise<number> {
  return cursorLoop(async (cursor) => {
    const query = new URLSearchParams({ pageSize: String(pageSize), ...(cursor ? { cursor } : {}) });
    return (await rawGet(`${baseUrl}/orgs/${orgId}/api-tokens?${query}`, globalFetch)) as WalkPage;
  });
}

/**
 * The cursor loop over bare openapi-fetch: what the client the facade is built on costs on its own, a reference row
 * of the walk benchmark.
 */
export function bareWalk(baseUrl: string, orgId: string, pageSize: number): Promise<number> {
  const client = bare(baseUrl);
  return cursorLoop(async (cursor) => {
    const { data } = await client.GET("/orgs/{orgId}/api-tokens", {
      params: { path: { orgId }, query: cursor === undefined ? { pageSize } : { pageSize, cursor } },
    });
    if (!data) throw new Error(`no page at cursor ${cursor}`);
    return data;
  });
}
