import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  auditTokens,
  byTokensThenEmail,
  classifyToken,
  createAuditor,
  defaultAuditThresholds,
  findings,
  hasFindings,
} from "../../src/cli/audit.js";
import type { ApiToken } from "../../src/index.js";
import { seedData } from "../../src/testing/seed-data.js";
import { token } from "./token-fixture.js";

const now = new Date("2026-11-01T00:00:00Z");
const thresholds = defaultAuditThresholds;
const bob = { id: "u2", name: "Bob", email: "bob@example.com" };

// One token per situation, plus a clean one; "both" has two findings at once.
const tokens = [
  token({ id: "clean" }),
  token({ id: "stale", lastActiveAt: "2026-07-01T00:00:00Z" }),
  token({ id: "stale-edge", lastActiveAt: "2026-08-03T00:00:00Z" }), // 90 days exactly: not stale
  token({ id: "never", lastActiveAt: null, user: bob }),
  token({ id: "never-absent", lastActiveAt: undefined as unknown as string, user: bob }),
  token({ id: "no-expiry", expiresAt: null }),
  token({ id: "expiring", expiresAt: "2026-11-20T00:00:00.000+00:00" }),
  token({ id: "expired", expiresAt: "2026-10-01T00:00:00Z" }),
  token({ id: "blocked", status: "BLOCKED", user: bob }),
  token({ id: "both", status: "BLOCKED", lastActiveAt: "2025-01-01T00:00:00Z" }),
  // No zone: which instant it is depends on the machine's time zone, so it is not read.
  token({ id: "unreadable", lastActiveAt: "2026-07-01T00:00:00" }),
];

describe("classifyToken", () => {
  it("finds nothing on a recently used token that expires after the window", () => {
    expect(classifyToken(token({ id: "ok" }), now, thresholds)).toEqual([]);
  });

  it("reports every finding of a token, in report order", () => {
    const t = token({ id: "x", status: "BLOCKED", lastActiveAt: null, expiresAt: null });
    expect(classifyToken(t, now, thresholds)).toEqual(["neverUsed", "noExpiry", "blocked"]);
  });

  it("reads the blocked status in any letter case, and nothing else as blocked", () => {
    const statusOf = (status: string) => classifyToken(token({ id: "x", status }), now, thresholds);
    for (const status of ["BLOCKED", "blocked", "Blocked"]) expect(statusOf(status)).toEqual(["blocked"]);
    for (const status of ["ALLOWED", "BLOCKED ", "UNBLOCKED", "BLOCKED_BY_ADMIN", ""])
      expect(statusOf(status)).toEqual([]);
  });

  it("flags a date it cannot read as that, never as stale or expired, and guesses nothing", () => {
    const t = token({ id: "x", lastActiveAt: "not a date", expiresAt: "soon" });
    expect(classifyToken(t, now, thresholds)).toEqual(["unreadableDate"]);
    for (const date of ["90", "2026-08-30T00:00:00", "2026-02-30T00:00:00.000Z", "2026-01-01T24:00:00.000Z"]) {
      expect(classifyToken(token({ id: "x", lastActiveAt: date }), now, thresholds), date).toEqual(["unreadableDate"]);
      expect(classifyToken(token({ id: "x", expiresAt: date }), now, thresholds), date).toEqual(["unreadableDate"]);
    }
  });

  it("calls a token expired from the instant it expires, and expiring only before", () => {
    const at = (expiresAt: string) => classifyToken(token({ id: "x", expiresAt }), now, thresholds);
    expect(at("2026-11-01T00:00:00Z")).toEqual(["expired"]);
    expect(at("2026-11-01T00:00:00.001Z")).toEqual(["expiringSoon"]);
    expect(at("2026-10-31T23:59:59.999Z")).toEqual(["expired"]);
  });

  it("uses the thresholds it is given", () => {
    const t = token({ id: "x", lastActiveAt: "2026-10-01T00:00:00Z" });
    expect(classifyToken(t, now, { staleDays: 30, expiringDays: 30 })).toEqual(["stale"]);
  });
});

describe("auditTokens", () => {
  const report = auditTokens(tokens, now, thresholds);

  it("counts each finding on a known token list", () => {
    expect(report.totals).toEqual({
      tokens: 11,
      users: 2,
      flagged: 9,
      stale: 2,
      neverUsed: 2,
      noExpiry: 1,
      expiringSoon: 1,
      expired: 1,
      blocked: 2,
      unreadableDate: 1,
    });
  });

  it("lists the tokens behind each finding", () => {
    const ids = (key: keyof typeof report.findings) => report.findings[key].map((t) => t.id);
    expect(ids("stale")).toEqual(["stale", "both"]);
    expect(ids("neverUsed")).toEqual(["never", "never-absent"]);
    expect(ids("expiringSoon")).toEqual(["expiring"]);
    expect(ids("blocked")).toEqual(["blocked", "both"]);
    expect(ids("unreadableDate")).toEqual(["unreadable"]);
  });

  it("counts tokens and flagged tokens per user, most tokens first", () => {
    expect(report.users).toEqual([
      { userId: "u1", name: "Mia Krystof", email: "mia@example.com", tokens: 8, flagged: 6 },
      { userId: "u2", name: "Bob", email: "bob@example.com", tokens: 3, flagged: 3 },
    ]);
  });

  it("stamps the report with the time it judged against", () => {
    expect(report.generatedAt).toBe("2026-11-01T00:00:00.000Z");
  });

  it("has findings exactly when a token is flagged", () => {
    expect(hasFindings(report)).toBe(true);
    expect(hasFindings(auditTokens([token({ id: "ok" })], now, thresholds))).toBe(false);
    expect(hasFindings(auditTokens([], now, thresholds))).toBe(false);
  });
});

describe("createAuditor", () => {
  // The seed's dates are all readable: one that is not is added, so every finding is exercised.
  const seeded = [
    ...seedData({ seed: 7, tokens: 2000, serviceAccounts: 0, orgId: "org-1", now }).userTokens,
    token({ id: "unreadable", expiresAt: "next year" }),
  ];

  it("reports on tokens fed page by page exactly what the batch audit reports", () => {
    const auditor = createAuditor(now, thresholds);
    for (let start = 0; start < seeded.length; start += 333) {
      for (const t of seeded.slice(start, start + 333)) auditor.add(t);
    }
    expect(auditor.report()).toEqual(auditTokens(seeded, now, thresholds));
  });

  it("agrees with classifyToken on every seeded token, finding by finding", () => {
    const report = auditTokens(seeded, now, thresholds);
    for (const finding of findings) {
      const expected = seeded.filter((t) => classifyToken(t, now, thresholds).includes(finding)).map((t) => t.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(report.findings[finding].map((t) => t.id)).toEqual(expected);
    }
    const flagged = seeded.filter((t) => classifyToken(t, now, thresholds).length > 0);
    expect(report.totals.flagged).toBe(flagged.length);
    expect(report.totals.tokens).toBe(seeded.length);
    expect(report.users.reduce((sum, u) => sum + u.tokens, 0)).toBe(seeded.length);
    expect(report.users.reduce((sum, u) => sum + u.flagged, 0)).toBe(flagged.length);
  });

  it("keeps only the fields the report shows, one user object per user", () => {
    const mia = { id: "u1", orgId: "org-1", name: "Mia", email: "mia@example.com" };
    const auditor = createAuditor(now, thresholds);
    auditor.add({ ...token({ id: "a", expiresAt: null, user: mia }), extra: "passed through" } as ApiToken);
    auditor.add(token({ id: "b", status: "BLOCKED", user: { ...mia } }));
    const { findings: found } = auditor.report();
    const [a] = found.noExpiry;
    const [b] = found.blocked;
    expect(a).toEqual({
      id: "a",
      label: "label-a",
      status: "ALLOWED",
      createdAt: "2026-01-01T00:00:00Z",
      expiresAt: null,
      lastActiveAt: "2026-10-25T00:00:00Z",
      user: { id: "u1", name: "Mia", email: "mia@example.com" },
    });
    expect(b?.user).toBe(a?.user);
  });

  it("keeps nothing of a token without findings but its user's counts", () => {
    const auditor = createAuditor(now, thresholds);
    auditor.add(token({ id: "clean" }));
    const report = auditor.report();
    expect(Object.values(report.findings).flat()).toEqual([]);
    expect(report.users).toEqual([
      { userId: "u1", name: "Mia Krystof", email: "mia@example.com", tokens: 1, flagged: 0 },
    ]);
  });
});

describe("createAuditor with what to keep", () => {
  it("keeps what `keep` makes of each flagged token, once, listed under each of its findings", () => {
    const made: string[] = [];
    const auditor = createAuditor(now, thresholds, (t, user) => {
      made.push(t.id);
      return { id: t.id, email: user.email };
    });
    for (const t of tokens) auditor.add(t);
    const report = auditor.report();
    expect(made).toEqual([
      "stale",
      "never",
      "never-absent",
      "no-expiry",
      "expiring",
      "expired",
      "blocked",
      "both",
      "unreadable",
    ]);
    expect(report.findings.blocked).toEqual([
      { id: "blocked", email: "bob@example.com" },
      { id: "both", email: "mia@example.com" },
    ]);
    expect(report.findings.stale[1]).toBe(report.findings.blocked[1]);
  });

  it("counts as the default auditor does", () => {
    const auditor = createAuditor(now, thresholds, (t) => t.id);
    for (const t of tokens) auditor.add(t);
    const { findings: kept, ...rest } = auditor.report();
    const { findings: slim, ...expected } = auditTokens(tokens, now, thresholds);
    expect(rest).toEqual(expected);
    for (const finding of findings) expect(kept[finding]).toEqual(slim[finding].map((t) => t.id));
  });
});

describe("byTokensThenEmail", () => {
  const user = (userId: string, tokens: number, email: string) => ({ userId, name: "", email, tokens, flagged: 0 });
  /** The one sort on both keys that the grouped sort must agree with. */
  const oneSort = <U extends { tokens: number; email: string }>(users: readonly U[]) =>
    [...users].sort((a, b) => b.tokens - a.tokens || a.email.localeCompare(b.email));

  it("orders as one sort by token count (most first) then localeCompare of the email, ties kept in order", () => {
    const emails = ["b@x.io", "B@x.io", "a@x.io", "é@x.io", "e@x.io", "z@x.io", "", "a.b@x.io", "ab@x.io"];
    // Every count paired with every email, twice (same count and email, two users: the first seen stays first).
    const users = [1, 3, 2, 1, 5].flatMap((tokens, i) =>
      emails.flatMap((email, j) => [user(`u${i}-${j}`, tokens, email), user(`v${i}-${j}`, tokens, email)]),
    );
    expect(byTokensThenEmail(users).map((u) => u.userId)).toEqual(oneSort(users).map((u) => u.userId));
  });

  it("orders a seeded org's users as the one sort does", () => {
    const seededTokens = seedData({ seed: 3, tokens: 5000, serviceAccounts: 0, orgId: "org-1", now }).userTokens;
    const { users } = auditTokens(seededTokens, now, thresholds);
    expect(new Set(users.map((u) => u.tokens)).size).toBeGreaterThan(2);
    expect(users).toEqual(oneSort(users));
  });

  it("orders emails the same whatever the machine's locale", async () => {
    const orderUnder = async (locale: string) => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "test/cli/user-order-child.ts"],
        {
          env: { ...process.env, LC_ALL: locale, LANG: locale },
        },
      );
      return JSON.parse(stdout) as string[];
    };
    const english = await orderUnder("en_US.UTF-8");
    expect(english).toEqual([
      "äda@example.com",
      "ida@example.com",
      "Ida@example.com",
      "ıda@example.com",
      "zed@example.com",
    ]);
    // Swedish sorts "ä" after "z", Turkish "ı" before "i": neither changes the report.
    expect(await orderUnder("sv_SE.UTF-8")).toEqual(english);
    expect(await orderUnder("tr_TR.UTF-8")).toEqual(english);
  });
});
