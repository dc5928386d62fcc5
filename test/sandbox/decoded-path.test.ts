import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodedPath } from "../../src/testing/decoded-path.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

describe("decodedPath", () => {
  it("percent-decodes each segment on its own", () => {
    expect(decodedPath("/orgs/acme%20corp/service-accounts/a%2Fb/api-tokens")).toBe(
      "/orgs/acme corp/service-accounts/a/b/api-tokens",
    );
  });

  it("keeps a segment that does not percent-decode as sent, and decodes the others", () => {
    expect(decodedPath("/orgs/acme%20corp/service-accounts/%zz/api-tokens")).toBe(
      "/orgs/acme corp/service-accounts/%zz/api-tokens",
    );
  });
});

describe("the sandbox with an org id that needs percent-encoding", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 5, orgId: "acme corp" });
  });
  afterAll(() => sb.close());

  it("records the path as the spec writes it, with the org id as given", async () => {
    expect((await call(sb, "/api-tokens/count")).status).toBe(200);
    expect(sb.requests.at(-1)?.path).toBe("/orgs/acme corp/api-tokens/count");
  });

  it("matches a fault's path written with sb.orgId", async () => {
    sb.fault({ kind: "server-error", status: 503, match: { path: `/orgs/${sb.orgId}/api-tokens/count` } });
    expect((await call(sb, "/api-tokens")).status).toBe(200);
    expect((await call(sb, "/api-tokens/count")).status).toBe(503);
  });

  it("records a segment that does not percent-decode as sent", async () => {
    expect((await call(sb, "/service-accounts/%zz/api-tokens")).status).toBe(400);
    expect(sb.requests.at(-1)?.path).toBe("/orgs/acme corp/service-accounts/%zz/api-tokens");
  });
});
