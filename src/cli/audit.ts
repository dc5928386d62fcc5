import type { ApiToken } from "../index.js";

/** The audit's thresholds, in days. */
export interface AuditThresholds {
  /** A token last used longer ago than this is stale. */
  staleDays: number;
  /** A token expiring within this many days is flagged. */
  expiringDays: number;
}

/** Thresholds used when the options do not say otherwise. */
export const defaultAuditThresholds = { staleDays: 90, expiringDays: 30 } as const satisfies AuditThresholds;

/** Something worth a look about one token. */
export type Finding = "stale" | "neverUsed" | "noExpiry" | "expiringSoon" | "expired" | "blocked";

/** Every finding, in report order. */
export const findings = [
  "stale",
  "neverUsed",
  "noExpiry",
  "expiringSoon",
  "expired",
  "blocked",
] as const satisfies readonly Finding[];

/** Human titles of the findings, for table and Markdown reports. */
export const findingTitles = {
  stale: "Not used for longer than the stale threshold",
  neverUsed: "Never used",
  noExpiry: "No expiry date",
  expiringSoon: "Expiring soon",
  expired: "Already expired",
  blocked: "Blocked",
} as const satisfies Record<Finding, string>;

const DAY_MS = 86_400_000;

interface RuleContext {
  now: number;
  thresholds: AuditThresholds;
}

/** Milliseconds since the epoch, or undefined when absent, null or unparseable (never guessed). */
function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The audit policy: one rule per finding. A token may match several. */
const rules: Record<Finding, (token: ApiToken, ctx: RuleContext) => boolean> = {
  stale: (t, { now, thresholds }) => {
    const last = time(t.lastActiveAt);
    return last !== undefined && now - last > thresholds.staleDays * DAY_MS;
  },
  neverUsed: (t) => !t.lastActiveAt,
  noExpiry: (t) => !t.expiresAt,
  expiringSoon: (t, { now, thresholds }) => {
    const expires = time(t.expiresAt);
    return expires !== undefined && expires >= now && expires <= now + thresholds.expiringDays * DAY_MS;
  },
  expired: (t, { now }) => {
    const expires = time(t.expiresAt);
    return expires !== undefined && expires < now;
  },
  blocked: (t) => t.status.toUpperCase() === "BLOCKED",
};

/** The findings of one token, in report order. */
export function classifyToken(token: ApiToken, now: Date, thresholds: AuditThresholds): Finding[] {
  const ctx = { now: now.getTime(), thresholds };
  return findings.filter((finding) => rules[finding](token, ctx));
}

/** Token counts of one user. */
export interface UserSummary {
  userId: string;
  name: string;
  email: string;
  tokens: number;
  /** Tokens of this user with at least one finding. */
  flagged: number;
}

/** The result of an audit: the tokens behind each finding, counts per user, and totals. */
export interface AuditReport {
  generatedAt: string;
  thresholds: AuditThresholds;
  totals: { tokens: number; users: number; flagged: number } & Record<Finding, number>;
  findings: Record<Finding, ApiToken[]>;
  users: UserSummary[];
}

/**
 * Classifies every token against `now`. Pure: the same tokens, time and thresholds always give the same report.
 * Users are ordered by token count, most first, then by email.
 */
export function auditTokens(tokens: readonly ApiToken[], now: Date, thresholds: AuditThresholds): AuditReport {
  const byFinding = Object.fromEntries(findings.map((f) => [f, [] as ApiToken[]])) as Record<Finding, ApiToken[]>;
  const users = new Map<string, UserSummary>();
  let flagged = 0;
  for (const token of tokens) {
    const found = classifyToken(token, now, thresholds);
    for (const finding of found) byFinding[finding].push(token);
    if (found.length > 0) flagged += 1;
    const user = users.get(token.user.id) ?? {
      userId: token.user.id,
      name: token.user.name ?? "",
      email: token.user.email ?? "",
      tokens: 0,
      flagged: 0,
    };
    user.tokens += 1;
    if (found.length > 0) user.flagged += 1;
    users.set(user.userId, user);
  }
  const counts = Object.fromEntries(findings.map((f) => [f, byFinding[f].length])) as Record<Finding, number>;
  return {
    generatedAt: now.toISOString(),
    thresholds: { ...thresholds },
    totals: { tokens: tokens.length, users: users.size, flagged, ...counts },
    findings: byFinding,
    users: [...users.values()].sort((a, b) => b.tokens - a.tokens || a.email.localeCompare(b.email)),
  };
}

/** Whether the report found anything: the audit's exit status depends on it. */
export function hasFindings(report: AuditReport): boolean {
  return report.totals.flagged > 0;
}
