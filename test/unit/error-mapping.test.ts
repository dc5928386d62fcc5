import { describe, expect, it } from "vitest";
import {
  AdminApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnexpectedStatusError,
} from "../../src/index.js";
import { json, ORG, testClient } from "../helpers/recording-fetch.js";

const body = { errors: [{ code: "X", title: "Something", detail: "the server's words" }] };

async function failure(promise: Promise<unknown>): Promise<AdminApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminApiError);
  return error as AdminApiError;
}

describe("error mapping", () => {
  it.each([
    { status: 400, errorClass: BadRequestError },
    { status: 401, errorClass: AuthenticationError },
    { status: 403, errorClass: PermissionDeniedError },
    { status: 404, errorClass: NotFoundError },
    { status: 429, errorClass: RateLimitError },
    { status: 500, errorClass: ServerError },
    { status: 502, errorClass: ServerError },
    { status: 503, errorClass: ServerError },
    { status: 504, errorClass: ServerError },
  ])("maps $status to $errorClass.name with status, parsed body, method and path", async ({ status, errorClass }) => {
    const { client, requests } = testClient(() => json(body, status));
    const error = await failure(client.apiTokens.count(ORG, { status: "ALLOWED" }));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.name).toBe(errorClass.name);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
    expect(error.request?.method).toBe("GET");
    expect(error.request?.url).toBe(requests[0]?.url.href);
    expect(error.message).toContain(`${status} on GET /admin/api-access/v1/orgs/${ORG}/api-tokens/count`);
    expect(error.message).toContain("the server's words");
  });

  it.each([
    [302, /The API does not redirect: check baseUrl/],
    [405, /No such answer is expected here: check baseUrl and the request; retrying will not help\./],
    [409, /No such answer is expected here/],
    [422, /No such answer is expected here/],
    [414, /The request is too large for the server: an id or a filter value is far longer than a real one\./],
    [431, /The request is too large for the server/],
  ])("maps an undocumented %i to UnexpectedStatusError, not ServerError", async (status, advice) => {
    const { client, requests } = testClient(() => json(body, status));
    const error = await failure(client.apiTokens.revokeAll(ORG));
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).not.toBeInstanceOf(ServerError);
    expect(error.name).toBe("UnexpectedStatusError");
    expect(error.status).toBe(status);
    expect(error.message).toContain(
      `${status} on DELETE /admin/api-access/v1/orgs/${ORG}/api-tokens: the server's words.`,
    );
    expect(error.message).toMatch(advice);
    expect(requests).toHaveLength(1);
  });

  it("quotes the start of a very long path, not all of it", async () => {
    const { client } = testClient(() => new Response(null, { status: 431 }));
    const error = await failure(client.serviceAccounts.listTokens(ORG, "x".repeat(100_000)));
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error.message).toMatch(
      /^431 on GET \/admin\/api-access\/v1\/orgs\/org-1\/service-accounts\/x+… \(100060 characters\)\. The request is too large/,
    );
    expect(error.message.length).toBeLessThan(600);
  });

  it("ends the server's words with one full stop, however many they end with", async () => {
    for (const detail of [
      "Organization o-1 was not found.",
      "Organization o-1 was not found...",
      "Organization o-1 was not found",
    ]) {
      const { client } = testClient(() => json({ errors: [{ detail }] }, 404));
      const error = await failure(client.apiTokens.count(ORG));
      expect(error.message).toContain(": Organization o-1 was not found. Check the organization");
    }
  });

  it("keeps an HTML 503 body as text", async () => {
    const page = "<html><body><h1>503 Service Unavailable</h1></body></html>";
    const { client } = testClient(() => new Response(page, { status: 503, headers: { "content-type": "text/html" } }));
    const error = await failure(client.serviceAccounts.listTokens(ORG, "sa-1"));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.body).toBe(page);
    expect(error.message).not.toContain("<html>");
  });

  it("reads the request id from the x-request-id header", async () => {
    const { client } = testClient(() => json({}, 500, { "x-request-id": "req-from-header" }));
    const error = await failure(client.apiTokens.count(ORG));
    expect(error.requestId).toBe("req-from-header");
    expect(error.message).toContain("request id req-from-header");
  });

  it("reads the request id from a JSON body's requestId", async () => {
    const { client } = testClient(() =>
      json({ status: 500, error: "Internal Server Error", requestId: "req-in-body" }, 500),
    );
    const error = await failure(client.apiTokens.count(ORG));
    expect(error.requestId).toBe("req-in-body");
  });

  it("tells a 401 to use a valid organization API key with the operation's scope", async () => {
    const { client } = testClient(() => json({ code: 401, message: "Unauthorized; scope does not match" }, 401));
    const error = await failure(client.apiTokens.count(ORG));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(
      /: Unauthorized; scope does not match\. The API key is missing, expired or wrong, or lacks the scope read:tokens:admin .*: use an organization API key from Atlassian Administration that has it\./,
    );
  });

  it.each([
    ["apiTokens.list", "read:tokens:admin", (c: Client) => c.apiTokens.list(ORG)],
    ["apiTokens.count", "read:tokens:admin", (c: Client) => c.apiTokens.count(ORG)],
    ["apiTokens.revokeAll", "delete:tokens:admin", (c: Client) => c.apiTokens.revokeAll(ORG)],
    [
      "serviceAccounts.countTokens",
      "read:service-accounts-tokens:admin",
      (c: Client) => c.serviceAccounts.countTokens(ORG, ["a"]),
    ],
    [
      "serviceAccounts.listTokens",
      "read:service-accounts-tokens:admin",
      (c: Client) => c.serviceAccounts.listTokens(ORG, "a"),
    ],
    [
      "serviceAccounts.revokeTokens",
      "delete:service-accounts-tokens:admin",
      (c: Client) => c.serviceAccounts.revokeTokens(ORG, "a"),
    ],
  ])("names the scope %s needs in a 403", async (_, scope, send) => {
    const { client } = testClient(() => json({}, 403));
    const error = await failure(Promise.resolve(send(client)));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain(`needs the scope ${scope};`);
  });

  it("tells a 429 when to retry, from Retry-After", async () => {
    const { client } = testClient(() => json({}, 429, { "retry-after": "30" }));
    const error = await failure(client.apiTokens.count(ORG));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
    expect(error.message).toContain("retry in 30 s");
  });

  it("tells a 429 when to retry, from X-RateLimit-Reset", async () => {
    const reset = "2099-01-01T00:00:00.000Z";
    const { client } = testClient(() => json({}, 429, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }));
    const error = (await failure(client.apiTokens.count(ORG))) as RateLimitError;
    expect(error.resetAt?.toISOString()).toBe(reset);
    expect(error.message).toContain(`retry after ${reset}`);
    // Without Retry-After, the wait is the time until the reset.
    expect(error.retryAfterMs).toBeGreaterThan(Date.parse(reset) - Date.now() - 60_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(Date.parse(reset) - Date.now() + 1_000);
  });

  it("keeps the request id, body and rate limit of a 2xx it cannot use", async () => {
    const headers = { "x-request-id": "req-42", "x-ratelimit-limit": "100", "x-ratelimit-remaining": "99" };
    const { client } = testClient(() => json({ data: "nope", links: {} }, 200, headers));
    const error = await failure(Promise.resolve(client.apiTokens.list(ORG)));
    expect(error).toMatchObject({ name: "InvalidResponseError", status: 200, requestId: "req-42" });
    expect(error.body).toEqual({ data: "nope", links: {} });
    expect(error.rateLimit).toMatchObject({ limit: 100, remaining: 99 });
    expect(error.message).toContain("(request id req-42): the page's data is not an array");
  });

  it("keeps the request id of a 2xx whose body is not JSON", async () => {
    const { client } = testClient(
      () => new Response("<html>login</html>", { headers: { "content-type": "text/html", "x-request-id": "req-7" } }),
    );
    const error = await failure(client.apiTokens.count(ORG));
    expect(error).toMatchObject({ name: "InvalidResponseError", status: 200, requestId: "req-7" });
    expect(error.message).toContain("(request id req-7): the body is not valid JSON (content-type text/html)");
  });

  it.each([
    ["a text body", () => new Response("Successful operation", { headers: { "content-type": "text/plain" } })],
    ["a JSON body", () => json({ revoked: 12 })],
    ["an empty 200", () => new Response(null, { status: 200 })],
    ["a 204", () => new Response(null, { status: 204 })],
  ])("takes a revocation answered with %s as done", async (_, answer) => {
    const { client, requests } = testClient(answer);
    await expect(client.apiTokens.revokeAll(ORG)).resolves.toBeUndefined();
    await expect(client.serviceAccounts.revokeTokens(ORG, "sa-1")).resolves.toBeUndefined();
    expect(requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("names the filters it suspects in a 500", async () => {
    const { client } = testClient(() => json({}, 500));
    const error = await failure(client.apiTokens.count(ORG, { createdAtSearchType: "bogus", q: "mia" }));
    expect(error.message).toMatch(
      / Invalid filter values have been reported to answer 500: check createdAtSearchType\.$/,
    );
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).suspectFilters).toEqual(["createdAtSearchType"]);
  });

  it.each([502, 503, 504])(
    "names no filter suspect in a %i, which a filter value is not reported to cause",
    async (status) => {
      const { client } = testClient(() => json({}, status));
      const error = (await failure(client.apiTokens.count(ORG, { createdAtSearchType: "bogus" }))) as ServerError;
      expect(error).toBeInstanceOf(ServerError);
      expect(error.suspectFilters).toEqual([]);
      expect(error.message).toMatch(/The server failed; retry later\.$/);
    },
  );

  it("names no filter in a 500 when none was sent", async () => {
    const { client } = testClient(() => json({}, 500));
    const error = (await failure(client.apiTokens.count(ORG, { q: "mia" }))) as ServerError;
    expect(error.suspectFilters).toEqual([]);
    expect(error.message).toMatch(/The server failed; retry later\.$/);
  });
});

type Client = ReturnType<typeof testClient>["client"];
