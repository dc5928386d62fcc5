import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { auditTokens, defaultAuditThresholds } from "../../src/cli/audit.js";
import { NOW, useE2e } from "./e2e-fixture.js";

const e2e = useE2e("audit");

describe.concurrent("service-accounts", () => {
  it("counts tokens of ids given as arguments, as the SDK does", async () => {
    const ids = [...e2e.sb.serviceAccountIds, "not-an-account"];
    const { code, stdout, stderr } = await e2e.cli("service-accounts", "count", ...ids, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await e2e.sdk.serviceAccounts.countTokens(e2e.sb.orgId, ids));
    expect(stderr).toContain("not-an-account");
  });

  it("reads ids from --file and writes CSV", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cli-ids-"));
    const file = join(dir, "ids.txt");
    await writeFile(file, `# accounts\n${e2e.sb.serviceAccountIds.join("\n")}\n\n`);
    const { code, stdout } = await e2e.cli("service-accounts", "count", "--file", file, "--format", "csv");
    expect(code).toBe(0);
    const rows: Record<string, string>[] = parse(stdout, { columns: true });
    const counts = await e2e.sdk.serviceAccounts.countTokens(e2e.sb.orgId, e2e.sb.serviceAccountIds);
    expect(rows).toEqual(
      counts.validServiceAccountIds.map((c) => ({
        serviceAccountId: c.serviceAccountId,
        credentialsCount: String(c.credentialsCount),
        valid: "true",
      })),
    );
  });

  it("lists one account's tokens as the SDK does", async () => {
    const id = e2e.sb.serviceAccountIds[0] as string;
    const { code, stdout } = await e2e.cli("service-accounts", "tokens", id, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await e2e.sdk.serviceAccounts.listTokens(e2e.sb.orgId, id));
  });

  it("is a usage error without any id", async () => {
    const { code, stderr } = await e2e.cli("service-accounts", "count");
    expect(code).toBe(2);
    expect(stderr).toContain("No service account ids");
  });
});

describe.concurrent("audit", () => {
  it("reports what the pure classifier finds on the sandbox's tokens, and exits 1", async () => {
    const { code, stdout } = await e2e.cli("audit", "--as-of", NOW, "--format", "json");
    expect(code).toBe(1);
    const expected = auditTokens(e2e.sb.tokens(), new Date(NOW), defaultAuditThresholds);
    expect(expected.totals.flagged).toBeGreaterThan(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("takes --stale-days and --expiring-days", async () => {
    const { stdout } = await e2e.cli(
      "audit",
      "--as-of",
      NOW,
      "--stale-days",
      "10",
      "--expiring-days",
      "200",
      "--format",
      "json",
    );
    const expected = auditTokens(e2e.sb.tokens(), new Date(NOW), { staleDays: 10, expiringDays: 200 });
    expect(JSON.parse(stdout).totals).toEqual(expected.totals);
  });

  it("writes one CSV row per finding and token", async () => {
    const { code, stdout } = await e2e.cli("audit", "--as-of", NOW, "--format", "csv");
    expect(code).toBe(1);
    const rows: Record<string, string>[] = parse(stdout, { columns: true });
    const { totals } = auditTokens(e2e.sb.tokens(), new Date(NOW), defaultAuditThresholds);
    const sum =
      totals.stale + totals.neverUsed + totals.noExpiry + totals.expiringSoon + totals.expired + totals.blocked;
    expect(rows).toHaveLength(sum);
    expect(rows.filter((r) => r.finding === "blocked")).toHaveLength(totals.blocked);
  });

  it("writes a Markdown report with a summary and per-user counts", async () => {
    const { code, stdout } = await e2e.cli("audit", "--as-of", NOW, "--format", "md");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^## API token audit/);
    expect(stdout).toContain("| Tokens audited | 120 |");
    expect(stdout).toContain("## Tokens per user");
  });

  it("writes a table report and jsonl findings", async () => {
    const table = await e2e.cli("audit", "--as-of", NOW);
    expect(table.stdout).toMatch(/Tokens audited\s+120/);
    const jsonl = await e2e.cli("audit", "--as-of", NOW, "--format", "jsonl");
    const first = JSON.parse(jsonl.stdout.split("\n")[0] ?? "");
    expect(Object.keys(first)).toEqual(["finding", "token"]);
  });
});

// Last, so it sees the output of every run above.
describe("the API key", () => {
  it("appears in no output of any run in this file", () => {
    e2e.expectNoKeyLeak();
  });
});
