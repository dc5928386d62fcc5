import type { ApiToken, ApiTokenUser } from "../index.js";
import { parseTime } from "./parse-time.js";

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
export type Finding = "stale" | "neverUsed" | "noExpiry" | "expiringSoon" | "expired" | "blocked" | "unreadableDate";

/** Every finding, in report order. */
export const findings = [
  "stale",
  "neverUsed",
  "noExpiry",
  "expiringSoon",
  "expired",
  "blocked",
  "unreadableDate",
] as const satisfies readonly Finding[];

/** Human titles of the findings, for table and Markdown reports. */
export const findingTitles = {
  stale: "Not used for longer than the stale threshold",
  neverUsed: "Never used",
  noExpiry: "No expiry date",
  expiringSoon: "Expiring soon",
  expired: "Already expired",
  blocked: "Blocked",
  unreadableDate: "Dates the audit cannot read",
} as const satisfies Record<Finding, string>;

const DAY_MS = 86_400_000;

/** The blocked status in any letter case, tested without making an upper-case copy of every token's status. */
const BLOCKED = /^blocked$/i;

interface RuleContext {
  now: number;
  thresholds: AuditThresholds;
}

/** The fields of a token that the rules read and the report shows. */
type TokenFields = Pick<ApiToken, "id" | "label" | "status" | "createdAt" | "expiresAt" | "lastActiveAt" | "scopes">;

/** What the rules read of one token, each date parsed once. */
interface TokenFacts {
  status: string;
  lastActiveAt: number | undefined;
  expiresAt: number | undefined;
  neverUsed: boolean;
  noExpiry: boolean;
  /** A date is there but is no ISO 8601 date-time with a zone: the rules on it cannot judge the token. */
  unreadableDate: boolean;
}

function factsOf(token: TokenFields): TokenFacts {
  const lastActiveAt = parseTime(token.lastActiveAt);
  const expiresAt = parseTime(token.expiresAt);
  return {
    status: token.status,
    lastActiveAt,
    expiresAt,
    neverUsed: !token.lastActiveAt,
    noExpiry: !token.expiresAt,
    unreadableDate:
      (!!token.lastActiveAt && lastActiveAt === undefined) || (!!token.expiresAt && expiresAt === undefined),
  };
}

/** The audit policy: one rule per finding. A token may match several. */
const rules: Record<Finding, (token: TokenFacts, ctx: RuleContext) => boolean> = {
  stale: (t, { now, thresholds }) =>
    t.lastActiveAt !== undefined && now - t.lastActiveAt > thresholds.staleDays * DAY_MS,
  neverUsed: (t) => t.neverUsed,
  noExpiry: (t) => t.noExpiry,
  // A token expires at its expiresAt: from that instant on it is expired, not expiring.
  expiringSoon: (t, { now, thresholds }) =>
    t.expiresAt !== undefined && t.expiresAt > now && t.expiresAt <= now + thresholds.expiringDays * DAY_MS,
  expired: (t, { now }) => t.expiresAt !== undefined && t.expiresAt <= now,
  blocked: (t) => BLOCKED.test(t.status),
  unreadableDate: (t) => t.unreadableDate,
};

/** The findings of one token, in report order. */
export function classifyToken(token: TokenFields, now: Date, thresholds: AuditThresholds): Finding[] {
  const ctx = { now: now.getTime(), thresholds };
  const facts = factsOf(token);
  return findings.filter((finding) => rules[finding](facts, ctx));
}

/** The user of an audited token: one object per user, shared by all of that user's flagged tokens. */
export type AuditedUser = Pick<ApiTokenUser, "id" | "name" | "email">;

/**
 * What the report keeps of a flagged token by default: the fields it shows, as the API gave them (other fields, such
 * as `user.orgId`, are dropped). A token with several findings is one object listed under each.
 */
export type AuditedToken = TokenFields & { user: AuditedUser };

/**
 * The user's object shared by the user's flagged tokens: `id`, `name` and `email` as the API gave them. Made from one
 * literal per shape, so the fields sit inside the object: one more object per user (a separate property store)
 * would be about 2.5 MB more for an org of 60k users, for the garbage collector to copy.
 */
function auditedUser({ id, name, email }: ApiTokenUser): AuditedUser {
  if (name !== undefined && email !== undefined) return { id, name, email };
  if (name !== undefined) return { id, name };
  if (email !== undefined) return { id, email };
  return { id };
}

/** What an audit keeps of a flagged token, made once per token from the token and its user's shared object. */
export type KeepToken<T> = (token: ApiToken, user: AuditedUser) => T;

/** Token counts of one user. */
export interface UserSummary {
  userId: string;
  name: string;
  email: string;
  tokens: number;
  /** Tokens of this user with at least one finding. */
  flagged: number;
}

/** The result of an audit: what was kept of the tokens behind each finding, counts per user, and totals. */
export interface AuditReport<T = AuditedToken> {
  generatedAt: string;
  thresholds: AuditThresholds;
  totals: { tokens: number; users: number; flagged: number } & Record<Finding, number>;
  findings: Record<Finding, T[]>;
  users: UserSummary[];
}

/** An audit fed one token at a time: it keeps what `keep` makes of each flagged token and counts per user. */
export interface Auditor<T = AuditedToken> {
  /** Classifies one token; the token itself is not kept. */
  add(token: ApiToken): void;
  /** The report on every token added so far; users ordered by token count, most first, then by email. */
  report(): AuditReport<T>;
}

/** The default of what an audit keeps: the `AuditedToken` of a flagged token. */
export function slimToken(token: ApiToken, user: AuditedUser): AuditedToken {
  const kept: AuditedToken = {
    id: token.id,
    label: token.label,
    status: token.status,
    createdAt: token.createdAt,
    user,
  };
  if (token.expiresAt !== undefined) kept.expiresAt = token.expiresAt;
  if (token.lastActiveAt !== undefined) kept.lastActiveAt = token.lastActiveAt;
  if (token.scopes !== undefined) kept.scopes = token.scopes;
  return kept;
}

// In one named locale, not the machine's: the same org gives the same report anywhere (in Swedish, "ä" sorts after "z").
// V8 compares "en" as fast as its default locale.
const byEmail = (a: UserSummary, b: UserSummary): number => a.email.localeCompare(b.email, "en");

/**
 * Users with the most tokens first, then by email in English collation (`byEmail`), users tied on both in the order
 * given. Grouped by token count first and each group sorted by email: the same order as one sort on both keys, in
 * about half the time for a large org, where most users hold a token or two.
 */
export function byTokensThenEmail(users: readonly UserSummary[]): UserSummary[] {
  const groups = new Map<number, UserSummary[]>();
  for (const user of users) {
    const group = groups.get(user.tokens);
    if (group) group.push(user);
    else groups.set(user.tokens, [user]);
  }
  const sorted: UserSummary[] = [];
  for (const count of [...groups.keys()].sort((a, b) => b - a)) {
    for (const user of (groups.get(count) as UserSummary[]).sort(byEmail)) sorted.push(user);
  }
  return sorted;
}

/**
 * An incremental audit against `now`, so a walk over a large org can classify each page and drop it; `keep` says
 * what to hold of each flagged token (`slimToken` unless given). Deterministic: the same tokens, in the same order,
 * time and thresholds always give the same report.
 */
export function createAuditor(now: Date, thresholds: AuditThresholds): Auditor;
export function createAuditor<T>(now: Date, thresholds: AuditThresholds, keep: KeepToken<T>): Auditor<T>;
export function createAuditor(
  now: Date,
  thresholds: AuditThresholds,
  keep: KeepToken<unknown> = slimToken,
): Auditor<unknown> {
  const ctx: RuleContext = { now: now.getTime(), thresholds: { ...thresholds } };
  const byFinding = Object.fromEntries(findings.map((f) => [f, [] as unknown[]])) as Record<Finding, unknown[]>;
  // Per user, in order of first sight: the object shared by the user's flagged tokens, and two counts. Plain
  // arrays indexed by user, so a large org's users are not each one more object to hold.
  const userIndex = new Map<string, number>();
  const users: AuditedUser[] = [];
  const userTokens: number[] = [];
  const userFlagged: number[] = [];
  let tokens = 0;
  let flagged = 0;
  // The policy resolved once into the order a token is checked in: each rule beside the list it fills.
  const checks = findings.map((finding) => ({ rule: rules[finding], list: byFinding[finding] }));
  return {
    add(token) {
      tokens += 1;
      let u = userIndex.get(token.user.id);
      if (u === undefined) {
        u = users.push(auditedUser(token.user)) - 1;
        userTokens.push(0);
        userFlagged.push(0);
        userIndex.set(token.user.id, u);
      }
      userTokens[u] = (userTokens[u] ?? 0) + 1;
      const facts = factsOf(token);
      let kept: unknown;
      let isFlagged = false;
      for (const { rule, list } of checks) {
        if (!rule(facts, ctx)) continue;
        if (!isFlagged) {
          kept = keep(token, users[u] as AuditedUser);
          isFlagged = true;
          flagged += 1;
          userFlagged[u] = (userFlagged[u] ?? 0) + 1;
        }
        list.push(kept);
      }
    },
    report() {
      const counts = Object.fromEntries(findings.map((f) => [f, byFinding[f].length])) as Record<Finding, number>;
      return {
        generatedAt: now.toISOString(),
        thresholds: { ...ctx.thresholds },
        totals: { tokens, users: users.length, flagged, ...counts },
        findings: Object.fromEntries(findings.map((f) => [f, [...byFinding[f]]])) as Record<Finding, unknown[]>,
        users: byTokensThenEmail(
          users.map((user, u): UserSummary => {
            const [tokens, flagged] = [userTokens[u] ?? 0, userFlagged[u] ?? 0];
            return { userId: user.id, name: user.name ?? "", email: user.email ?? "", tokens, flagged };
          }),
        ),
      };
    },
  };
}

/** Classifies every token against `now` at once: `createAuditor` fed the whole list. */
export function auditTokens(tokens: readonly ApiToken[], now: Date, thresholds: AuditThresholds): AuditReport {
  const auditor = createAuditor(now, thresholds);
  for (const token of tokens) auditor.add(token);
  return auditor.report();
}

/** Whether the report found anything: the audit's exit status depends on it. */
export function hasFindings(report: Pick<AuditReport<unknown>, "totals">): boolean {
  return report.totals.flagged > 0;
}
