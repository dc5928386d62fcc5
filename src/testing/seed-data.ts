import type { ApiToken, ApiTokenUser } from "../types.js";
import { firstNames, lastNames, serviceAccountNames, tokenLabels, tokenScopes } from "./name-lists.js";
import { createPrng, type Prng, prngUuid } from "./prng.js";

const DAY_MS = 86_400_000;

/** What the sandbox starts with: user tokens oldest first, and each service account's tokens by account id. */
export interface SeedData {
  userTokens: ApiToken[];
  serviceAccounts: Map<string, ApiToken[]>;
}

/** The inputs of seeding; the same inputs always give the same data. */
export interface SeedInput {
  seed: number;
  tokens: number;
  serviceAccounts: number;
  orgId: string;
  now: Date;
}

/** Builds deterministic, realistic data: never-used, stale, non-expiring, expiring-soon, expired and BLOCKED tokens. */
export function seedData(input: SeedInput): SeedData {
  const prng = createPrng(input.seed);
  const users = seedUsers(prng, Math.max(1, Math.ceil(input.tokens * 0.6)), input.orgId);
  const userTokens = Array.from({ length: input.tokens }, (_, i) =>
    // The first tokens go one per user; the rest land on random users, so some users hold several.
    seedToken(prng, users[i] ?? prng.pick(users), input.now),
  ).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  const serviceAccounts = new Map<string, ApiToken[]>();
  for (let i = 0; i < input.serviceAccounts; i++) {
    const id = prngUuid(prng);
    const name = `${serviceAccountNames[i % serviceAccountNames.length]}-${i + 1}`;
    const user: ApiTokenUser = { id, orgId: input.orgId, name, email: `${name}@serviceaccount.atlassian.com` };
    // Every fourth account has no token, so "0 tokens" is always represented.
    const count = i % 4 === 0 ? 0 : prng.int(1, 4);
    serviceAccounts.set(
      id,
      Array.from({ length: count }, () => seedToken(prng, user, input.now)),
    );
  }
  return { userTokens, serviceAccounts };
}

function seedUsers(prng: Prng, count: number, orgId: string): ApiTokenUser[] {
  const seen = new Map<string, number>();
  return Array.from({ length: count }, () => {
    const first = prng.pick(firstNames);
    const last = prng.pick(lastNames);
    const base = `${first}.${last}`.toLowerCase();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const email = `${base}${n > 1 ? n : ""}@example.com`;
    return { id: prng.hex(24), orgId, name: `${first} ${last}`, email };
  });
}

function seedToken(prng: Prng, user: ApiTokenUser, now: Date): ApiToken {
  const at = (daysFromNow: number): string => new Date(now.getTime() + daysFromNow * DAY_MS).toISOString();
  const ageDays = prng.int(1, 900) - prng.next();
  const token: ApiToken = {
    id: prngUuid(prng),
    label: prng.pick(tokenLabels),
    status: prng.next() < 0.1 ? "BLOCKED" : "ALLOWED",
    createdAt: at(-ageDays),
    user: { ...user },
  };
  const use = prng.next();
  let lastUseDays: number | undefined;
  if (use >= 0.2) {
    // 20% never used; of the rest, about 40% stale (last use > 90 days ago) when the token is old enough.
    const stale = use < 0.52 && ageDays > 92;
    lastUseDays = stale ? 91 + prng.next() * (ageDays - 91) : prng.next() * Math.min(ageDays, 89);
  }
  const expiry = prng.next();
  if (expiry < 0.15) token.expiresAt = at(prng.int(1, 29) + prng.next());
  else if (expiry < 0.25) {
    const expiredDays = Math.min(ageDays / 2, prng.int(1, 60));
    token.expiresAt = at(-expiredDays);
    // An expired token was last used before it expired: the same share of its usable life, measured from expiry.
    if (lastUseDays !== undefined) lastUseDays = expiredDays + (lastUseDays / ageDays) * (ageDays - expiredDays);
  } else if (expiry < 0.75) token.expiresAt = at(prng.int(31, 365) + prng.next());
  // The remaining 25% never expire: no expiresAt at all.
  if (lastUseDays !== undefined) token.lastActiveAt = at(-lastUseDays);
  if (prng.next() < 0.4) {
    token.scopes = [...new Set(Array.from({ length: prng.int(1, 3) }, () => prng.pick(tokenScopes)))];
  }
  return token;
}
