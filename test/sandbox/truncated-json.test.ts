import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, InvalidResponseError } from "../../src/index.js";
import { cutShort } from "../../src/testing/fault-answers.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("cutShort", () => {
  it.each([
    ["300"],
    ["12"],
    ["7"],
    ["0"],
    ["-1"],
    ["null"],
    ["true"],
    ['"ab"'],
    ["[]"],
    ["{}"],
    ['{"count":12}'],
    ['[{"id":"t1"},{"id":"t2"}]'],
  ])("cuts %s to a non-empty text no JSON parser accepts", (text) => {
    const cut = cutShort(text);
    expect(cut).not.toBe("");
    expect(parses(cut)).toBe(false);
    // Still a body cut short: what is left of the answer is its start.
    expect(text.startsWith(cut.slice(0, Math.floor(text.length / 2)))).toBe(true);
  });
});

describe("the truncated-json fault", () => {
  // 300 tokens: the count's body "300" cut in half is "3", which would still parse.
  let sb: Sandbox;
  let account: string;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 300 });
    account = sb.serviceAccountIds[0] as string;
  });
  afterAll(() => sb.close());

  const operations: [string, () => [string, RequestInit?]][] = [
    ["GET api-tokens", () => ["/api-tokens?pageSize=3"]],
    ["GET api-tokens/count", () => ["/api-tokens/count"]],
    [
      "POST service-accounts/count",
      () => ["/service-accounts/count", { method: "POST", body: JSON.stringify([account]) }],
    ],
    ["GET a service account's tokens", () => [`/service-accounts/${account}/api-tokens`]],
    ["DELETE a service account's tokens", () => [`/service-accounts/${account}/api-tokens`, { method: "DELETE" }]],
    ["GET an unknown service account (404)", () => ["/service-accounts/nobody/api-tokens"]],
    ["GET api-tokens with a bad pageSize (400)", () => ["/api-tokens?pageSize=0"]],
    ["DELETE api-tokens", () => ["/api-tokens", { method: "DELETE" }]],
  ];

  it.each(operations)("answers %s with a 200 JSON body that does not parse", async (_, request) => {
    const [path, init] = request();
    sb.fault({ kind: "truncated-json" });
    const response = await call(sb, path, init);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await response.text();
    expect(text).not.toBe("");
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("makes the SDK's count throw InvalidResponseError, not return a wrong number", async () => {
    const fresh = await startSandbox({ tokens: 300 });
    try {
      fresh.fault({ kind: "truncated-json" });
      const client = createClient({ apiKey: fresh.apiKey, baseUrl: fresh.baseUrl });
      const counting = client.apiTokens.count(fresh.orgId);
      await expect(counting).rejects.toThrow(InvalidResponseError);
      await expect(counting).rejects.toThrow(/not valid JSON/);
    } finally {
      await fresh.close();
    }
  });
});
