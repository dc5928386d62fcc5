/**
 * The runtime matrix's scenario, plain JavaScript so it runs unchanged in Node, Bun, Deno and Chromium: walk every
 * page of the token list, then count. The runner queues one 429 on the first list request, so the walk only finishes
 * if the client recovers from it.
 */
export async function scenario(sdk, { baseUrl, apiKey, orgId }) {
  const client = sdk.createClient({ apiKey, baseUrl, maxRetries: 2 });
  let pages = 0;
  let tokens = 0;
  for await (const page of client.apiTokens.list(orgId, { pageSize: 10 }).pages()) {
    pages++;
    tokens += page.data.length;
  }
  const count = await client.apiTokens.count(orgId);
  return { pages, tokens, count };
}
