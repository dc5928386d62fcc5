import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

async function answer(response: Response): Promise<{ status: number; detail: string }> {
  const body = await response.json();
  return { status: response.status, detail: body.errors[0].detail };
}

describe("sandbox order of checks: unknown route 404, then the key 401, then the spec 400", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 20 });
  });
  afterAll(() => sb.close());

  const noKey = { headers: { Authorization: "" } };

  it.each([
    "/api-tokens?pageSize=1e2",
    "/api-tokens/count?createdAtSearchType=gt&createdAtUom=day&createdAtValue=0x10",
    "/service-accounts/%zz/api-tokens",
    "/service-accounts/%E0%A4%A/api-tokens?tokenLabel=x",
  ])("answers 401 before any 400 without the key: %s", async (path) => {
    expect((await answer(await call(sb, path, noKey))).status).toBe(401);
  });

  it.each(["/nope?pageSize=x", "/nope?pageSize=1e2", "/nope/%zz", "/api-tokens/%zz/more"])(
    "answers 404 to an unknown route before any 400, with or without the key: %s",
    async (path) => {
      expect((await answer(await call(sb, path))).status).toBe(404);
      expect((await answer(await call(sb, path, noKey))).status).toBe(404);
    },
  );

  it("names an unknown parameter rather than its value's form on an operation that takes none", async () => {
    expect(await answer(await call(sb, "/api-tokens?pageSize=abc", { method: "DELETE" }))).toEqual({
      status: 400,
      detail: "Unknown query parameter 'pageSize'",
    });
    expect(await answer(await call(sb, "/api-tokens?pageSize=1e2", { method: "DELETE" }))).toEqual({
      status: 400,
      detail: "Unknown query parameter 'pageSize'",
    });
  });

  it("still answers 400 with the key to an integer not in decimal digits and to malformed percent-encoding", async () => {
    expect(await answer(await call(sb, "/api-tokens?pageSize=1e2"))).toEqual({
      status: 400,
      detail: "Invalid value for parameter 'pageSize': must be integer",
    });
    expect(await answer(await call(sb, "/service-accounts/%zz/api-tokens"))).toEqual({
      status: 400,
      detail: "The path holds malformed percent-encoding (each % must begin a %XX escape of UTF-8)",
    });
  });

  it("answers the spec's 400 before another organization's 404", async () => {
    const other = `${sb.baseUrl}/orgs/another-org/api-tokens?pageSize=1e2`;
    const response = await fetch(other, { headers: { Authorization: `Bearer ${sb.apiKey}` } });
    expect((await answer(response)).status).toBe(400);
  });
});
