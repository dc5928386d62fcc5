import { afterAll, beforeAll, expect } from "vitest";
import { type AdminApiClient, type ApiToken, createClient } from "../../src/index.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { type CliResult, runCli } from "./run-cli.js";

/** The sandbox clock, also passed to `audit --as-of` so the CLI and the test judge at the same instant. */
export const NOW = "2026-11-01T00:00:00.000Z";

/** One sandbox per test file, an SDK client on it, and a CLI runner that records every output. */
export interface E2e {
  /** Recognisable, so a leak anywhere in the output is easy to spot. */
  key: string;
  sb: Sandbox;
  sdk: AdminApiClient;
  env: Record<string, string>;
  /** Every token, as the SDK lists them. */
  all: ApiToken[];
  cli(...args: string[]): Promise<CliResult>;
  /** Asserts that no output so far contains the key: call it in the file's last test. */
  expectNoKeyLeak(): void;
}

/** Registers the file's sandbox hooks (120 tokens unless `seeded` says otherwise); the fields are filled in `beforeAll`. */
export function useE2e(name: string, seeded: { tokens: number; seed: number } = { tokens: 120, seed: 3 }): E2e {
  const outputs: CliResult[] = [];
  const e2e = { key: `LEAK-CANARY-${name}-0d3f9a7c5e1b` } as E2e;
  e2e.expectNoKeyLeak = () => {
    expect(outputs.length).toBeGreaterThan(3);
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(e2e.key);
      expect(stderr).not.toContain(e2e.key);
    }
  };
  beforeAll(async () => {
    e2e.sb = await startSandbox({ apiKey: e2e.key, ...seeded, now: new Date(NOW) });
    e2e.sdk = createClient({ apiKey: e2e.key, baseUrl: e2e.sb.baseUrl });
    e2e.env = { ATLASSIAN_ADMIN_API_KEY: e2e.key, ATLASSIAN_ORG_ID: e2e.sb.orgId };
    e2e.all = await e2e.sdk.apiTokens.list(e2e.sb.orgId).toArray({ limit: 10_000 });
    e2e.cli = async (...args) => {
      const result = await runCli(["--base-url", e2e.sb.baseUrl, ...args], e2e.env);
      outputs.push(result);
      return result;
    };
  });
  afterAll(async () => {
    await e2e.sb.close();
  });
  return e2e;
}
