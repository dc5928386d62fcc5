import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "../../src/cli/format/csv.js";
import { tokenColumns, tokenRow } from "../../src/cli/format/token-grid.js";
import { useE2e } from "./e2e-fixture.js";
import { jsonLines, runCli } from "./run-cli.js";

// Three pages at the SDK's default pageSize of 1000, so the CLI streams more than one page.
const e2e = useE2e("streaming", { tokens: 3000, seed: 11 });
const listRequests = () =>
  e2e.sb.requests.filter((r) => r.method === "GET" && r.path === `/orgs/${e2e.sb.orgId}/api-tokens`);

describe("tokens list --all, page by page", () => {
  it("writes JSON lines that parse back to exactly the SDK's 3,000 tokens", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", "--format", "jsonl");
    expect(code).toBe(0);
    expect(e2e.all).toHaveLength(3000);
    expect(jsonLines(stdout)).toEqual(e2e.all);
  });

  it("writes one JSON array across pages, equal to the SDK's tokens", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", "--format", "json", "--page-size", "700");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(e2e.all);
  });

  it("writes the CSV header once and a row per token", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", "--format", "csv");
    expect(code).toBe(0);
    expect(stdout.split("\n").filter((line) => line.startsWith("id,label,"))).toHaveLength(1);
    const rows: Record<string, string>[] = parse(stdout, { columns: true });
    const expected = e2e.all.map((t) =>
      Object.fromEntries(tokenColumns.map((c, i) => [c, String(neutraliseCell(tokenRow(t, "raw")[i] ?? ""))])),
    );
    expect(rows).toEqual(expected);
  });

  it("writes an empty JSON array and a bare CSV header when nothing matches", async () => {
    const json = await e2e.cli("tokens", "list", "--all", "--status", "REVOKED", "--format", "json");
    expect(json.stdout).toBe("[]\n");
    const csv = await e2e.cli("tokens", "list", "--all", "--status", "REVOKED", "--format", "csv");
    expect(csv.stdout).toBe(`${tokenColumns.join(",")}\n`);
  });
});

describe("tokens list --limit", () => {
  // Sequential: each test counts the requests its own run sent.
  it("sends exactly one request when the first page holds the limit", async () => {
    const before = listRequests().length;
    const { code, stdout } = await e2e.cli("tokens", "list", "--limit", "5", "--format", "jsonl");
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual(e2e.all.slice(0, 5));
    const sent = listRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.query.pageSize).toBe("1000");
  });

  it("fetches only the pages the limit needs", async () => {
    const before = listRequests().length;
    const { code, stdout } = await e2e.cli("tokens", "list", "--limit", "1500", "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(e2e.all.slice(0, 1500));
    expect(listRequests().slice(before)).toHaveLength(2);
  });
});

describe("--sandbox-tokens", () => {
  it("sizes the embedded sandbox", async () => {
    const { code, stdout } = await runCli(["--sandbox", "--sandbox-tokens", "40", "tokens", "count"]);
    expect(code).toBe(0);
    expect(stdout).toBe("40\n");
  });

  it("is a usage error without --sandbox, and sends nothing", async () => {
    const before = e2e.sb.requests.length;
    const { code, stderr } = await e2e.cli("--sandbox-tokens", "40", "tokens", "count");
    expect(code).toBe(2);
    expect(stderr).toContain("--sandbox-tokens only sizes the embedded sandbox");
    expect(e2e.sb.requests.length).toBe(before);
  });

  it.each(["0", "-3", "abc", "1.5"])("is a usage error when it is %j", async (value) => {
    const { code, stderr } = await runCli(["--sandbox", "--sandbox-tokens", value, "tokens", "count"]);
    expect(code).toBe(2);
    expect(stderr).toContain("expected a whole number from 1 to 1000000");
  });
});
