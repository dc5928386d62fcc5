import { describe, expect, it } from "vitest";
import { type ClientOptions, createClient, InvalidInputError } from "../../src/index.js";
import { API_KEY, json, ORG, testClient } from "../helpers/recording-fetch.js";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("query validation", () => {
  it.each([0, -1, 1.5, "10", Number.NaN, null])("refuses pageSize %j before any request", async (pageSize) => {
    const { client, requests } = testClient(() => json({ data: [], links: {} }));
    const error = thrown(() => client.apiTokens.list(ORG, { pageSize } as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter: "pageSize" });
    expect((error as Error).message).toContain("pageSize");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests).toHaveLength(0);
  });

  it.each([
    ["createdAtValue", "90"],
    ["lastActiveAtValue", -1],
    ["status", 5],
    ["q", ["a"]],
  ])("refuses %s = %j in a count before any request", async (name, value) => {
    const { client, requests } = testClient(() => json(0));
    await expect(client.apiTokens.count(ORG, { [name]: value } as never)).rejects.toMatchObject({
      name: "InvalidInputError",
      parameter: name,
    });
    expect(requests).toHaveLength(0);
  });

  it("refuses a non-string tokenLabel before any request", async () => {
    const { client, requests } = testClient(() => json([]));
    await expect(client.serviceAccounts.listTokens(ORG, "sa", { tokenLabel: 1 } as never)).rejects.toThrow(
      InvalidInputError,
    );
    expect(requests).toHaveLength(0);
  });

  it("refuses a countTokens ids that is not an array before any request", async () => {
    const { client, requests } = testClient(() => json({}));
    await expect(client.serviceAccounts.countTokens(ORG, "sa-1" as never)).rejects.toMatchObject({ parameter: "ids" });
    expect(requests).toHaveLength(0);
  });
});

describe("createClient options", () => {
  it("refuses an unknown option, naming it", () => {
    const error = thrown(() => createClient({ apiKey: API_KEY, retries: 2 } as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter: "retries" });
    expect((error as Error).message).toContain("Unknown createClient option(s): retries");
  });

  it.each<[string, Record<string, unknown>]>([
    ["apiKey", { apiKey: "" }],
    ["apiKey", { apiKey: "   " }],
    ["apiKey", {}],
    ["headers", { apiKey: API_KEY, headers: { authorization: "Bearer x" } }],
    ["maxRetries", { apiKey: API_KEY, maxRetries: -1 }],
    ["timeout", { apiKey: API_KEY, timeout: 0 }],
    ["timeout", { apiKey: API_KEY, timeout: 2 ** 31 }],
    ["maxRetryDelay", { apiKey: API_KEY, maxRetryDelay: 2 ** 31 }],
    ["concurrency", { apiKey: API_KEY, concurrency: 1.5 }],
  ])("refuses a bad %s (%j)", (parameter, options) => {
    const error = thrown(() => createClient(options as unknown as ClientOptions));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter });
  });

  it("takes the longest timeout a timer can wait, and waits it: the request is answered, no timer overflows", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const client = createClient({
        apiKey: API_KEY,
        timeout: 2 ** 31 - 1,
        maxRetryDelay: 2 ** 31 - 1,
        maxRetries: 0,
        fetch: async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return json(7);
        },
      });
      await expect(client.apiTokens.count(ORG)).resolves.toBe(7);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain("TimeoutOverflowWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });
});
