import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/testing/index.js";

const DAY = 86_400_000;
const now = Date.parse("2026-11-01T00:00:00Z");

async function tokensOf(options: Parameters<typeof startSandbox>[0]) {
  const sb = await startSandbox(options);
  try {
    return { tokens: sb.tokens(), serviceAccountIds: sb.serviceAccountIds };
  } finally {
    await sb.close();
  }
}

describe("sandbox seeded data", () => {
  it("gives the same tokens and service accounts for the same seed", async () => {
    expect(await tokensOf({ seed: 7 })).toEqual(await tokensOf({ seed: 7 }));
  });

  it("gives different tokens for a different seed", async () => {
    const [a, b] = [await tokensOf({ seed: 7 }), await tokensOf({ seed: 8 })];
    expect(a.tokens.map((t) => t.id)).not.toEqual(b.tokens.map((t) => t.id));
  });

  it("seeds the requested numbers of tokens and service accounts", async () => {
    const { tokens, serviceAccountIds } = await tokensOf({ tokens: 31, serviceAccounts: 5 });
    expect(tokens).toHaveLength(31);
    expect(serviceAccountIds).toHaveLength(5);
  });

  it("covers never-used, stale, non-expiring, expiring-soon, expired, BLOCKED, scoped and multi-token users", async () => {
    const { tokens } = await tokensOf({});
    const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);
    const perUser = new Map<string, number>();
    for (const t of tokens) perUser.set(t.user.id, (perUser.get(t.user.id) ?? 0) + 1);
    expect(tokens.some((t) => t.lastActiveAt === undefined)).toBe(true);
    expect(tokens.some((t) => time(t.lastActiveAt) < now - 90 * DAY)).toBe(true);
    expect(tokens.some((t) => t.expiresAt === undefined)).toBe(true);
    expect(tokens.some((t) => time(t.expiresAt) > now && time(t.expiresAt) < now + 30 * DAY)).toBe(true);
    expect(tokens.some((t) => time(t.expiresAt) < now)).toBe(true);
    expect(tokens.some((t) => t.status === "BLOCKED")).toBe(true);
    expect(tokens.some((t) => (t.scopes?.length ?? 0) > 0)).toBe(true);
    expect([...perUser.values()].some((n) => n > 1)).toBe(true);
  });

  it("never dates a use or creation after the sandbox clock, nor a use before creation or after expiry", async () => {
    for (const seed of [1, 3]) {
      const { tokens } = await tokensOf({ seed, tokens: 2000 });
      let expiredAndUsed = 0;
      for (const t of tokens) {
        expect(Date.parse(t.createdAt)).toBeLessThan(now);
        if (!t.lastActiveAt) continue;
        expect(Date.parse(t.lastActiveAt)).toBeGreaterThanOrEqual(Date.parse(t.createdAt));
        const expiry = t.expiresAt ? Date.parse(t.expiresAt) : Number.POSITIVE_INFINITY;
        expect(Date.parse(t.lastActiveAt)).toBeLessThanOrEqual(Math.min(now, expiry));
        if (expiry < now) expiredAndUsed++;
      }
      expect(expiredAndUsed).toBeGreaterThan(50);
    }
  });

  it("gives users names and emails", async () => {
    const { tokens } = await tokensOf({ tokens: 10 });
    for (const t of tokens) {
      expect(t.user.name).toMatch(/^\w+ \w+$/);
      expect(t.user.email).toMatch(/^[a-z]+\.[a-z]+\d*@example\.com$/);
    }
  });
});
