import { MAX_TIMER_MS } from "../delay.js";
import { API_KEY_SHAPE } from "../options.js";

/** Options of startSandbox. Every field is optional; `resolveSandboxOptions` fills in the defaults. */
export interface SandboxOptions {
  /** Seed of every random choice (data and random faults). @default 1 */
  seed?: number;
  /** How many user API tokens to seed. @default 250 */
  tokens?: number;
  /** How many service accounts to seed, each with 0 to 4 tokens (every fourth with none). @default 12 */
  serviceAccounts?: number;
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** The key requests must send as `Authorization: Bearer <apiKey>`. @default a fixed fake key */
  apiKey?: string;
  /** The one organization the sandbox knows; other ids answer 404. @default a fixed UUID */
  orgId?: string;
  /** The sandbox clock: seeded dates and date filters are relative to it. @default 2026-11-01T00:00:00Z */
  now?: Date;
  /**
   * A fixed-window request budget: every answer carries `X-RateLimit-*` (the real API documents them on successful
   * answers), and over the budget the sandbox answers 429. `false` turns it off, headers included.
   * @default { limit: 100_000, windowMs: 60_000 }
   */
  rateLimit?: { limit: number; windowMs: number } | false;
  /** Delay added to every answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Share (0..1) of requests that get a random retryable fault (429, 5xx HTML, reset), seeded. @default 0 */
  faultRate?: number;
  /**
   * Stops the start: a large sandbox seeds in steps (about a second per 100,000 tokens), and once this aborts
   * `startSandbox` rejects with its reason, listening on nothing. No effect once the sandbox is started: use `close`.
   */
  signal?: AbortSignal | undefined;
}

/** The options with every default applied. */
export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, "signal">>;

/** The largest seed: the generator takes 32 bits, and other values would repeat those data. */
export const MAX_SEED = 2 ** 32 - 1;

/** The largest TCP port. */
export const MAX_PORT = 65_535;

/** The defaults of SandboxOptions, in one place. */
export const defaultSandboxOptions = {
  seed: 1,
  tokens: 250,
  serviceAccounts: 12,
  port: 0,
  apiKey: "ATCTT3xFfGN0-sandbox-fake-key-4f8b2c1e9d7a6b5c",
  orgId: "6f1f3c2a-8d4e-4b7a-9c5d-2e1f0a9b8c7d",
  now: new Date("2026-11-01T00:00:00Z"),
  // The real limits are not published: this one sends the headers while no ordinary test comes near it.
  rateLimit: { limit: 100_000, windowMs: 60_000 },
  latencyMs: 0,
  faultRate: 0,
} as const satisfies ResolvedSandboxOptions;

/** Applies defaults once and refuses unknown or out-of-range options, so nothing downstream checks again. */
export function resolveSandboxOptions(options: Omit<SandboxOptions, "signal"> = {}): ResolvedSandboxOptions {
  const unknown = Object.keys(options).filter((key) => !Object.hasOwn(defaultSandboxOptions, key));
  if (unknown.length > 0) throw new TypeError(`Unknown sandbox option(s): ${unknown.join(", ")}`);
  const resolved: ResolvedSandboxOptions = { ...defaultSandboxOptions };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  const counts = { tokens: resolved.tokens, serviceAccounts: resolved.serviceAccounts };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Sandbox option ${name} must be an integer >= 0`);
  }
  // Waits are timers: a longer one would fire after 1 ms, with a TimeoutOverflowWarning.
  if (!isIntegerIn(resolved.latencyMs, 0, MAX_TIMER_MS))
    throw new RangeError(`Sandbox option latencyMs must be an integer from 0 to ${MAX_TIMER_MS}`);
  if (!isIntegerIn(resolved.seed, 0, MAX_SEED))
    throw new RangeError("Sandbox option seed must be an integer from 0 to 2^32 - 1 (other values repeat those data)");
  // A port Node would take as something else: a string is a Unix socket path, null a free port.
  if (!isIntegerIn(resolved.port, 0, MAX_PORT))
    throw new RangeError(`Sandbox option port must be an integer from 0 to ${MAX_PORT} (0 picks a free one)`);
  if (!(typeof resolved.faultRate === "number" && resolved.faultRate >= 0 && resolved.faultRate <= 1))
    throw new RangeError("Sandbox option faultRate must be a number in 0..1");
  assertRateLimit(resolved.rateLimit);
  if (!(resolved.now instanceof Date) || Number.isNaN(resolved.now.getTime()))
    throw new RangeError("Sandbox option now must be a valid Date");
  // The key clients send as a Bearer token: one that no header can carry would refuse every request.
  if (typeof resolved.apiKey !== "string" || !API_KEY_SHAPE.test(resolved.apiKey))
    throw new RangeError("Sandbox option apiKey must be a non-empty string of printable ASCII without spaces");
  if (typeof resolved.orgId !== "string" || resolved.orgId === "")
    throw new RangeError("Sandbox option orgId must be a non-empty string");
  return resolved;
}

/** `false`, or exactly `{ limit, windowMs }` as integers: a misspelt or extra field would be silently ignored. */
function assertRateLimit(rateLimit: unknown): void {
  if (rateLimit === false) return;
  const needs = `Sandbox option rateLimit must be false or { limit, windowMs }: integers limit >= 1 and windowMs from 1 to ${MAX_TIMER_MS}`;
  if (rateLimit === null || typeof rateLimit !== "object") throw new RangeError(needs);
  const unknown = Object.keys(rateLimit).filter((key) => key !== "limit" && key !== "windowMs");
  if (unknown.length > 0) throw new RangeError(`${needs}; unknown field(s): ${unknown.join(", ")}`);
  const { limit, windowMs } = rateLimit as Record<string, unknown>;
  if (!(isIntegerIn(limit, 1, Number.MAX_SAFE_INTEGER) && isIntegerIn(windowMs, 1, MAX_TIMER_MS)))
    throw new RangeError(needs);
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
