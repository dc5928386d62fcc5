import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { causeText } from "../../src/cause-text.js";
import { ConnectionError, createClient } from "../../src/index.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("causeText", () => {
  it("follows the cause chain to the reason a runtime's fetch wraps", () => {
    const error = new TypeError("fetch failed", { cause: withCode("getaddrinfo ENOTFOUND api.example", "ENOTFOUND") });
    expect(causeText(error)).toBe("TypeError: fetch failed; cause: getaddrinfo ENOTFOUND api.example");
  });

  it("shows an AggregateError without a message by the errors it holds, at most three", () => {
    const refused = (host: string) => withCode(`connect ECONNREFUSED ${host}`, "ECONNREFUSED");
    const two = Object.assign(new AggregateError([refused("::1:443"), refused("127.0.0.1:443")], ""), {
      code: "ECONNREFUSED",
    });
    expect(causeText(new TypeError("fetch failed", { cause: two }))).toBe(
      "TypeError: fetch failed; cause: AggregateError: connect ECONNREFUSED ::1:443, connect ECONNREFUSED 127.0.0.1:443",
    );
    const five = new AggregateError(
      ["a", "b", "c", "d", "e"].map((m) => new Error(m)),
      "",
    );
    expect(causeText(five)).toBe("AggregateError: a, b, c");
  });

  it("shows an error without a message or errors by its code, else says it has none", () => {
    expect(causeText(withCode("", "UND_ERR_SOCKET"))).toBe("UND_ERR_SOCKET");
    expect(causeText(new RangeError(""))).toBe("RangeError: (no message)");
  });

  it("stops on a cycle, and after four errors of a chain", () => {
    const loop = new Error("again");
    loop.cause = loop;
    expect(causeText(loop)).toBe("again");
    let deep: Error = new Error("5");
    for (const m of ["4", "3", "2", "1"]) deep = new Error(m, { cause: deep });
    expect(causeText(deep)).toBe("1; cause: 2; cause: 3; cause: 4");
  });

  it("cuts a long message to 200 code units, never inside a surrogate pair", () => {
    const text = causeText(new Error("x".repeat(100_000)));
    expect(text).toHaveLength(200);
    expect(text.endsWith("x…")).toBe(true);
    const emoji = causeText(new Error(`${"x".repeat(198)}😀tail`));
    expect(emoji).toBe(`${"x".repeat(198)}…`);
  });

  it("never throws, whatever was thrown", () => {
    const getter = Object.defineProperty(new Error("kept"), "cause", {
      get() {
        throw new Error("no");
      },
    });
    expect(causeText(getter)).toBe("kept; cause: an error that could not be read");
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(causeText(proxy)).toBe("an error that could not be read");
    expect(causeText(Object.create(null))).toBe("an object");
    expect(
      causeText({
        toString: () => {
          throw new Error("boom");
        },
      }),
    ).toBe("an object");
    expect(causeText(Symbol("s"))).toBe("a symbol");
    expect(causeText(undefined)).toBe("undefined");
    expect(causeText("socket hang up")).toBe("socket hang up");
  });
});

describe("ConnectionError's message", () => {
  it("names the reason the request could not be sent: a refused connection and its address", async () => {
    // A port that was just free: nothing listens on it.
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    const client = createClient({ apiKey: "cause-key", baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await client.apiTokens.count("org").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(`fetch failed; cause: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it("is a ConnectionError when fetch rejects with an object that cannot be made a string", async () => {
    for (const thrown of [Object.create(null), { toString: () => Symbol("not a string") }]) {
      const client = createClient({ apiKey: "cause-key", maxRetries: 0, fetch: () => Promise.reject(thrown) });
      const error = await client.apiTokens.count("org").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toContain("could not reach the API (an object)");
    }
  });
});
