import { describe, expect, it } from "vitest";
import { API_KEY, json, ORG, testClient } from "../helpers/recording-fetch.js";

describe("client.raw", () => {
  it("sends the same Authorization, User-Agent and extra headers as the facade", async () => {
    const { client, requests } = testClient(() => json(7), { headers: { "X-Extra": "yes" }, userAgent: "audit/1.0" });
    await client.apiTokens.count(ORG);
    const { data } = await client.raw.GET("/orgs/{orgId}/api-tokens/count", { params: { path: { orgId: ORG } } });
    expect(data).toBe(7);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.route).toBe(`/orgs/${ORG}/api-tokens/count`);
      expect(request.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
      expect(request.headers.get("user-agent")).toBe("audit/1.0");
      expect(request.headers.get("x-extra")).toBe("yes");
    }
  });

  it("percent-encodes path parameters like the facade", async () => {
    const { client, requests } = testClient(() => json([]));
    await client.raw.GET("/orgs/{orgId}/service-accounts/{accountId}/api-tokens", {
      params: { path: { orgId: "a/b", accountId: "$&" } },
    });
    expect(requests[0]?.route).toBe("/orgs/a%2Fb/service-accounts/%24%26/api-tokens");
  });
});
