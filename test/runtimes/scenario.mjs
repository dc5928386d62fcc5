/**
 * The runtime matrix's scenario, plain JavaScript so it runs unchanged in Node, Bun, Deno and Chromium: walk every
 * page of the token list, then count. The runner queues one 429 on the first list request, so the walk only finishes
 * if the client recovers from it. Then a count through `redirectUrl`, a server that redirects every request to the
 * sandbox: it must fail with UnexpectedStatusError, unfollowed, whatever the runtime makes of a manual redirect (the
 * 3xx itself, or a browser's opaque redirect with status 0). Last, a page read with a maxResponseBytes it exceeds: the
 * client must stop reading the body and throw InvalidResponseError with the page's status.
 */
export async function scenario(sdk, { baseUrl, apiKey, orgId, redirectUrl }) {
  const client = sdk.createClient({ apiKey, baseUrl, maxRetries: 2 });
  let pages = 0;
  let tokens = 0;
  for await (const page of client.apiTokens.list(orgId, { pageSize: 10 }).pages()) {
    pages++;
    tokens += page.data.length;
  }
  const count = await client.apiTokens.count(orgId);
  const redirected = await sdk
    .createClient({ apiKey, baseUrl: redirectUrl, maxRetries: 0 })
    .apiTokens.count(orgId)
    .then(
      (value) => `followed: counted ${value}`,
      (error) => (error instanceof sdk.UnexpectedStatusError ? error.status : `${error?.name}: ${error?.message}`),
    );
  const tooLarge = await sdk
    .createClient({ apiKey, baseUrl, maxRetries: 0, maxResponseBytes: 100 })
    .apiTokens.list(orgId, { pageSize: 10 })
    .then(
      (page) => `read ${page.data.length} tokens`,
      (error) => (error instanceof sdk.InvalidResponseError ? error.status : `${error?.name}: ${error?.message}`),
    );
  return { pages, tokens, count, redirected, tooLarge };
}
