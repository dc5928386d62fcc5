import { describe, expect, it } from "vitest";
import { sandboxFailure } from "../../src/testing/sandbox-api.js";

describe("a request the sandbox itself fails on", () => {
  it("is a 500 whose detail says what failed, whatever was thrown", () => {
    const detail = (thrown: unknown) => sandboxFailure(thrown).body.errors?.[0]?.detail;
    expect(sandboxFailure(new Error("handler broke")).status).toBe(500);
    expect(detail(new Error("handler broke"))).toBe("Sandbox error: handler broke");
    // String() throws on both of these: the sandbox used to fail inside its own failure path.
    expect(detail(Object.create(null))).toBe("Sandbox error: an object");
    expect(detail({ toString: () => ({}) })).toBe("Sandbox error: an object");
    expect(detail("plain text")).toBe("Sandbox error: plain text");
  });
});
