import { describe, expect, it } from "vitest";
import { sortTokens } from "../../src/testing/filter-semantics.js";
import { seedData } from "../../src/testing/seed-data.js";
import type { ApiToken } from "../../src/types.js";

/** The comparator the sandbox sorted with before keys were computed once per sort: the documented order, verbatim. */
function referenceComparator(sort: string | undefined): (a: ApiToken, b: ApiToken) => number {
  const raw = sort ?? "createdAt";
  const descending = raw.startsWith("-");
  const field = raw.replace(/^[-+ ]/, "") as "createdAt" | "lastActiveAt";
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    if (!x || !y) return (x ? -1 : y ? 1 : 0) || a.id.localeCompare(b.id);
    const order = Date.parse(x) - Date.parse(y);
    return (descending ? -order : order) || a.id.localeCompare(b.id);
  };
}

/** Seeded tokens, a third of them with their dates cut to the day so that many share one, and as many as a third never used. */
function tokensWithTies(): ApiToken[] {
  const now = new Date("2026-11-01T00:00:00Z");
  const { userTokens } = seedData({ seed: 7, tokens: 4000, serviceAccounts: 0, orgId: "org-1", now });
  return userTokens.map((token, i) => {
    if (i % 3 !== 0) return token;
    const day = (iso: string) => `${iso.slice(0, 10)}T00:00:00.000Z`;
    return {
      ...token,
      createdAt: day(token.createdAt),
      ...(token.lastActiveAt ? { lastActiveAt: day(token.lastActiveAt) } : {}),
    };
  });
}

describe("the sandbox's token order", () => {
  const tokens = tokensWithTies();

  it("has ties on both fields and never-used tokens in the data it checks", () => {
    for (const field of ["createdAt", "lastActiveAt"] as const) {
      const values = tokens.map((t) => t[field]).filter((v) => v !== undefined);
      // At least 300 tokens share their date with another.
      expect(new Set(values).size).toBeLessThan(values.length - 300);
    }
    expect(tokens.filter((t) => t.lastActiveAt === undefined).length).toBeGreaterThan(400);
  });

  it.each([undefined, "createdAt", "+createdAt", "-createdAt", "lastActiveAt", " lastActiveAt", "-lastActiveAt"])(
    "sorts by %s exactly as the documented comparator does",
    (sort) => {
      const expected = [...tokens].sort(referenceComparator(sort)).map((t) => t.id);
      expect(sortTokens(tokens, sort).map((t) => t.id)).toEqual(expected);
    },
  );

  it("puts never-used tokens last, by id, in both directions", () => {
    for (const sort of ["lastActiveAt", "-lastActiveAt"]) {
      const sorted = sortTokens(tokens, sort);
      const firstNever = sorted.findIndex((t) => t.lastActiveAt === undefined);
      const tail = sorted.slice(firstNever);
      expect(tail.every((t) => t.lastActiveAt === undefined)).toBe(true);
      expect(tail.map((t) => t.id)).toEqual(tail.map((t) => t.id).sort());
    }
  });

  it("leaves the array it is given as it was", () => {
    const before = tokens.map((t) => t.id);
    sortTokens(tokens, "-lastActiveAt");
    expect(tokens.map((t) => t.id)).toEqual(before);
  });
});
