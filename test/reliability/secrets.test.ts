import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/index.js";
import { fakeApi, html, json, ORG, settle, token } from "./fake-api.js";

const KEY = "CANARY-ATATT3xFfGF0-5f3c9e2d7a1b-CANARY";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Every way an error can be seen: message, stack, JSON, inspect (with its cause chain). */
function views(error: unknown): string[] {
  const e = error as Error;
  return [String(e), e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })];
}

describe("the API key never leaks", () => {
  it("appears nowhere in errors, log lines, or the inspected client", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const logger = { debug: log, info: log, warn: log, error: log };
    const answers = [
      () => json({ message: `bad key ${KEY}` }, 401),
      () => json({ errors: [{ detail: `echo Authorization: Bearer ${KEY}` }] }, 403),
      () => json({}, 404),
      () => json({}, 400),
      () => json({}, 429, { "retry-after": "9999" }),
      () => html(500),
      () => new Response("{trunc", { headers: { "content-type": "application/json" } }),
      () => Promise.reject(new TypeError(`socket hang up ${KEY}`)),
    ];
    const seenErrors: unknown[] = [];
    for (const answer of answers) {
      const { client } = fakeApi(answer, { apiKey: KEY, logger, logLevel: "debug", logBodies: "full", maxRetries: 1 });
      seenErrors.push(
        await settle(client.apiTokens.count(ORG), (ms) => vi.advanceTimersByTimeAsync(ms)).catch((e: unknown) => e),
      );
      lines.push(inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client));
    }
    expect(seenErrors.every((e) => e instanceof Error)).toBe(true);
    const everything = [...seenErrors.flatMap(views), ...lines].join("\n");
    expect(everything).toContain("[REDACTED]");
    expect(everything).not.toContain(KEY);
    expect(lines.length).toBeGreaterThan(10);
  });

  it.each([
    ["as it is", KEY],
    // Atlassian keys can hold "=", which a URL carries as "%3D": the encoded form is the key just the same.
    ["percent-encoded in the URL", `${KEY}=A1B2C3D4`],
    ["with characters a JSON string escapes", `${KEY}"\\x`],
  ])("keeps a key passed by mistake as an id or a filter out of errors and log lines (%s)", async (_, key) => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const logger = { debug: log, info: log, warn: log, error: log };
    const answers = [() => html(500), () => json({}, 404), () => json({ data: {} })];
    const errors: unknown[] = [];
    for (const answer of answers) {
      const { client } = fakeApi(answer, { apiKey: key, logger, logLevel: "debug", logBodies: "full", maxRetries: 1 });
      const calls: (() => Promise<unknown>)[] = [
        () => client.apiTokens.count(key),
        () => client.serviceAccounts.listTokens(ORG, key, { tokenLabel: key }),
        () => client.apiTokens.list(ORG, { q: key }).then((page) => page),
        () => client.serviceAccounts.countTokens(ORG, [key]),
      ];
      for (const call of calls) {
        errors.push(await settle(call(), (ms) => vi.advanceTimersByTimeAsync(ms)).catch((e: unknown) => e));
      }
    }
    // Every call fails but the count of service accounts on the 200 (an answer without lists counts nothing).
    expect(errors.filter((e) => e instanceof Error)).toHaveLength(11);
    const everything = [...errors.flatMap(views), ...lines].join("\n");
    expect(everything).toContain("[REDACTED]");
    for (const form of [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1)]) {
      expect(everything).not.toContain(form);
    }
  });

  it("keeps the key out of the options-error message", () => {
    expect(() => createClient({ apiKey: KEY, retries: 2 } as never)).toThrow(
      /Unknown createClient option\(s\): retries/,
    );
    try {
      createClient({ apiKey: KEY, retries: 2 } as never);
    } catch (error) {
      expect(views(error).join()).not.toContain(KEY);
    }
  });

  it.each([280, 290, 299])("keeps no part of a key that the logged excerpt would cut (key at %i)", async (at) => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const logger = { debug: log, info: log, warn: log, error: log };
    // The body is {"message":"xx…invalid token <key> and more"}, with the key starting at character `at`.
    const message = `${"x".repeat(at - '{"message":"'.length - "invalid token ".length)}invalid token ${KEY} and more`;
    const { client } = fakeApi(() => json({ message }, 401), { apiKey: KEY, logger, logLevel: "debug" });
    await settle(client.apiTokens.count(ORG), (ms) => vi.advanceTimersByTimeAsync(ms)).catch(() => {});
    const logged = lines.join("\n");
    expect(logged).toContain("invalid token");
    // Not even the key's first 8 characters.
    expect(logged).not.toContain(KEY.slice(0, 8));
  });

  it("masks user emails in logged bodies unless logBodies is full", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const logger = { debug: log, info: log, warn: log, error: log };
    const body = { data: [{ ...token("t"), user: { id: "u1", email: "mia.krystof@example.com" } }], links: {} };
    const masked = fakeApi(() => json(body), { logger, logLevel: "debug" });
    await settle(Promise.resolve(masked.client.apiTokens.list(ORG)), (ms) => vi.advanceTimersByTimeAsync(ms));
    expect(lines.join()).toContain("m***@example.com");
    expect(lines.join()).not.toContain("mia.krystof@");
    const full = fakeApi(() => json(body), { logger, logLevel: "debug", logBodies: "full" });
    await settle(Promise.resolve(full.client.apiTokens.list(ORG)), (ms) => vi.advanceTimersByTimeAsync(ms));
    expect(lines.join()).toContain("mia.krystof@example.com");
  });

  it("logs one line per attempt and per retry wait, with method, path, status, time and attempt", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const { client } = fakeApi((_, __, i) => (i === 0 ? html(503) : json(3)), {
      logger: { debug: log, info: log, warn: log, error: log },
      logLevel: "debug",
    });
    await settle(client.apiTokens.count(ORG), (ms) => vi.advanceTimersByTimeAsync(ms));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^GET \/admin\/api-access\/v1\/orgs\/org-1\/api-tokens\/count -> 503 in \d+ ms \(attempt 1\)/,
    );
    expect(lines[1]).toMatch(/retrying after HTTP 503 in \d+ ms \(retry 1 of 3\)/);
    expect(lines[2]).toMatch(/-> 200 in \d+ ms \(attempt 2\)/);
  });

  it("logs nothing by default", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const { client } = fakeApi(() => json(3), { logger: { debug: log, info: log, warn: log, error: log } });
    await settle(client.apiTokens.count(ORG), (ms) => vi.advanceTimersByTimeAsync(ms));
    expect(lines).toEqual([]);
  });
});
