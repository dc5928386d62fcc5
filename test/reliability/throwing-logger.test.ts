import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi, html, json, ORG, settle } from "./fake-api.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** A logger each of whose methods throws, and counts the lines it was given. */
function throwingLogger() {
  const lines: string[] = [];
  const boom = (line: string) => {
    lines.push(line);
    throw new Error("the log sink is down");
  };
  return { logger: { debug: boom, info: boom, warn: boom, error: boom }, lines };
}

describe("a logger that throws", () => {
  it("changes no outcome: a revocation that was sent resolves", async () => {
    const { logger, lines } = throwingLogger();
    const { client, seen } = fakeApi(() => new Response(null, { status: 204 }), { logger, logLevel: "debug" });
    await expect(settle(client.apiTokens.revokeAll(ORG), advance)).resolves.toBeUndefined();
    expect(seen.map((s) => s.method)).toEqual(["DELETE"]);
    expect(lines).toHaveLength(1);
  });

  it("stops no retry: the retry is still made, and its answer returned", async () => {
    const { logger, lines } = throwingLogger();
    const { client, seen } = fakeApi((_, __, i) => (i === 0 ? html(503) : json(7)), { logger, logLevel: "debug" });
    await expect(settle(client.apiTokens.count(ORG), advance)).resolves.toBe(7);
    expect(seen).toHaveLength(2);
    // Each attempt's debug line and the retry's info line were offered to the logger.
    expect(lines).toHaveLength(3);
  });

  it("leaves no unhandled rejection when the logger is async and its promise rejects", async () => {
    const lines: string[] = [];
    const reject = async (line: string) => {
      lines.push(line);
      throw new Error("the log sink is down");
    };
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const logger = { debug: reject, info: reject, warn: reject, error: reject };
      const { client } = fakeApi((_, __, i) => (i === 0 ? html(503) : json(7)), { logger, logLevel: "debug" });
      await expect(settle(client.apiTokens.count(ORG), advance)).resolves.toBe(7);
      // Unhandled rejections are reported once the turn they happen in is over: let a real one pass.
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(lines).toHaveLength(3);
    expect(rejections).toEqual([]);
  });
});
