import { describe, expect, it } from "vitest";
import { createClient, InvalidInputError } from "../../src/index.js";
import { shownValue } from "../../src/shown-value.js";

const cycle: Record<string, unknown> = {};
cycle.self = cycle;

describe("shownValue", () => {
  it.each<[unknown, string]>([
    [5, "5"],
    [Number.NaN, "NaN"],
    [-Infinity, "-Infinity"],
    [1.5, "1.5"],
    [true, "true"],
    [7n, "7n"],
    ["5000", '"5000"'],
    ["", '""'],
    ["x".repeat(21), "a string of 21 characters"],
    [null, "null"],
    [undefined, "undefined"],
    [[1], "an array"],
    [{ n: 1 }, "an object"],
    [cycle, "an object"],
    [Symbol("s"), "a symbol"],
    [() => 1, "a function"],
  ])("shows %o as %s", (value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });

  it("never quotes a long string, such as a key pasted into the wrong option", () => {
    const key = "ATATT3xFfGF0-a-long-organization-api-key-0123456789";
    expect(shownValue(key)).not.toContain("ATATT");
  });
});

describe("a value JSON cannot write, given where a number or a choice goes", () => {
  const client = createClient({ apiKey: "test-key-12345", baseUrl: "http://127.0.0.1:1/v1", maxRetries: 0 });

  it.each<[string, () => Promise<unknown>, string]>([
    ["pageSize 5n", () => client.apiTokens.list("o", { pageSize: 5n as never }).then(), "got 5n"],
    ["pageSize, a cycle", () => client.apiTokens.list("o", { pageSize: cycle as never }).then(), "got an object"],
    ["pageSize, a symbol", () => client.apiTokens.list("o", { pageSize: Symbol() as never }).then(), "got a symbol"],
    ["toArray limit '5'", () => client.apiTokens.list("o").toArray({ limit: "5" as never }), 'got "5"'],
    ["ids[0] 5", () => client.serviceAccounts.countTokens("o", [5 as never]), "got 5"],
  ])("%s: InvalidInputError saying what was given, before any request", async (_, call, shown) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain(shown);
  });

  it("logLevel 3n: InvalidInputError, not JSON's TypeError", () => {
    const make = () => createClient({ apiKey: "test-key-12345", logLevel: 3n as never });
    expect(make).toThrow(InvalidInputError);
  });
});
