import { setImmediate as nextTurn } from "node:timers/promises";
import type { ApiToken, ApiTokenUser } from "../types.js";
import { isoString } from "./iso-string.js";
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

/** Users or user tokens made between two pauses of a stepwise seeding: some 50 ms of work. */
const SEED_STEP = 20_000;

/** Builds deterministic, realistic data: never-used, stale, non-expiring, expiring-soon, expired and BLOCKED tokens. */
export function seedData(input: SeedInput): SeedData {
  const steps = seedSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `seedData` with a turn of the event loop between steps, so a signal (a Ctrl-C) is heard while a large sandbox
 * seeds: rejects with the signal's reason once it aborts, and leaves nothing behind.
 */
export async function seedDataPausing(input: SeedInput, signal?: AbortSignal): Promise<SeedData> {
  const steps = seedSteps(input);
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/**
 * `seedData` a step at a time: it yields after every `SEED_STEP` users and every `SEED_STEP` user tokens, so a
 * caller can let other work run (a Ctrl-C) while a large sandbox seeds; the same data either way.
 */
export function* seedSteps(input: SeedInput): Generator<void, SeedData, void> {
  const prng = createPrng(input.seed);
  const users = yield* seedUsers(prng, Math.max(1, Math.ceil(input.tokens * 0.6)), input.orgId);
  const userTokens: ApiToken[] = new Array(input.tokens);
  for (let i = 0; i < input.tokens; i++) {
    if (i > 0 && i % SEED_STEP === 0) yield;
    // The first tokens go one per user; the rest land on random users, so some users hold several.
    userTokens[i] = seedToken(prng, users[i] ?? prng.pick(users), input.now);
  }
  userTokens.sort(oldestFirst);

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

/**
 * By creation time, then id. Both are ASCII of one fixed layout (ISO 8601 in UTC, lowercase hex UUIDs) differing only
 * in digits and letters, so code-unit order is their order in any locale, at a fraction of `localeCompare`'s cost.
 */
const oldestFirst = (a: ApiToken, b: ApiToken): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function* seedUsers(prng: Prng, count: number, orgId: string): Generator<void, ApiTokenUser[], void> {
  const seen = new Map<string, number>();
  const users: ApiTokenUser[] = new Array(count);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % SEED_STEP === 0) yield;
    const first = prng.pick(firstNames);
    const last = prng.pick(lastNames);
    const base = `${first}.${last}`.toLowerCase();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const email = `${base}${n > 1 ? n : ""}@example.com`;
    users[i] = { id: prng.hex(24), orgId, name: `${first} ${last}`, email };
  }
  return users;
}

function seedToken(prng: Prng, user: ApiTokenUser, now: Date): ApiToken {
  const at = (daysFromNow: number): string => isoString(now.getTime() + daysFromNow * DAY_MS);
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
