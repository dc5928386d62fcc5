import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import type { ApiToken, ServiceAccountCredentialCountResponse } from "../../src/types.js";
import { call, getJson } from "./sandbox-client.js";

describe("sandbox revocations", () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ tokens: 30, serviceAccounts: 4 });
  });
  afterEach(() => sb.close());

  const countAccounts = async (ids: string[]) => {
    const response = await call(sb, "/service-accounts/count", { method: "POST", body: JSON.stringify(ids) });
    return (await response.json()) as ServiceAccountCredentialCountResponse;
  };

  it("bulk revoke answers 204 and empties the token list and count", async () => {
    expect(await getJson<number>(sb, "/api-tokens/count")).toBe(30);
    const response = await call(sb, "/api-tokens", { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await getJson<number>(sb, "/api-tokens/count")).toBe(0);
    expect(sb.tokens()).toEqual([]);
  });

  it("counts tokens of known service accounts and lists unknown ids as invalid", async () => {
    const [empty, withTokens] = sb.serviceAccountIds;
    const body = await countAccounts([String(empty), String(withTokens), "not-an-account"]);
    expect(body.invalidServiceAccountIds).toEqual(["not-an-account"]);
    expect(body.validServiceAccountIds).toEqual([
      { serviceAccountId: empty, credentialsCount: 0 },
      { serviceAccountId: withTokens, credentialsCount: expect.any(Number) },
    ]);
    expect(body.validServiceAccountIds?.[1]?.credentialsCount).toBeGreaterThan(0);
  });

  it("revoking a service account's tokens answers 204 and later answers show none", async () => {
    const id = String(sb.serviceAccountIds[1]);
    const tokens = await getJson<ApiToken[]>(sb, `/service-accounts/${id}/api-tokens`);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens[0]?.user.email).toMatch(/@serviceaccount\.atlassian\.com$/);
    expect((await call(sb, `/service-accounts/${id}/api-tokens`, { method: "DELETE" })).status).toBe(204);
    expect(await getJson<ApiToken[]>(sb, `/service-accounts/${id}/api-tokens`)).toEqual([]);
    expect((await countAccounts([id])).validServiceAccountIds).toEqual([{ serviceAccountId: id, credentialsCount: 0 }]);
    expect(await getJson<number>(sb, "/api-tokens/count")).toBe(30);
  });

  it("filters a service account's tokens by tokenLabel", async () => {
    const id = String(sb.serviceAccountIds[1]);
    const all = await getJson<ApiToken[]>(sb, `/service-accounts/${id}/api-tokens`);
    const label = String(all[0]?.label);
    const some = await getJson<ApiToken[]>(sb, `/service-accounts/${id}/api-tokens?tokenLabel=${label}`);
    expect(some).toEqual(all.filter((t) => t.label === label));
    expect(await getJson<ApiToken[]>(sb, `/service-accounts/${id}/api-tokens?tokenLabel=no-such-label`)).toEqual([]);
  });
});
