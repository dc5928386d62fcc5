import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "../../src/cli/format/csv.js";
import { tokenColumns, tokenRow } from "../../src/cli/format/token-grid.js";
import { useE2e } from "./e2e-fixture.js";
import { jsonLines, runCaptured } from "./run-cli.js";

const e2e = useE2e("tokens");

describe.concurrent("tokens list", () => {
  it("writes every token as JSON equal to the SDK's with --all", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", "--page-size", "25", "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(e2e.all);
  });

  it("writes one token per JSON line", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", "--format", "jsonl");
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual(e2e.all);
  });

  it("writes CSV that parses back to the SDK's tokens", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", "--format", "csv");
    expect(code).toBe(0);
    const rows: Record<string, string>[] = parse(stdout, { columns: true });
    const expected = e2e.all.map((t) =>
      Object.fromEntries(tokenColumns.map((c, i) => [c, String(neutraliseCell(tokenRow(t, "raw")[i] ?? ""))])),
    );
    expect(rows).toEqual(expected);
  });

  it("shows one page as a table and says how to get the next", async () => {
    const { code, stdout, stderr } = await e2e.cli("tokens", "list", "--page-size", "7");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^id\s+label\s+status\s+userName/);
    expect(lines[1]).toContain(e2e.all[0]?.id);
    expect(stderr).toMatch(/add --cursor \S+, or use --all/);
  });

  it("gives a --cursor hint that the next --sandbox run accepts", async () => {
    const first = await runCaptured(["--sandbox", "tokens", "list", "--page-size", "3", "--format", "json"]);
    const cursor = /add --cursor (\S+), or use --all/.exec(first.stderr)?.[1] ?? "";
    const next = await runCaptured([
      ...["--sandbox", "tokens", "list", "--page-size", "3", "--format", "json", "--cursor", cursor],
    ]);
    const all = await runCaptured(["--sandbox", "tokens", "list", "--limit", "6", "--format", "json"]);
    expect([first.code, next.code, all.code]).toEqual([0, 0, 0]);
    const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((t) => t.id);
    expect([...ids(first.stdout), ...ids(next.stdout)]).toEqual(ids(all.stdout));
  });

  it("stops at --limit across pages", async () => {
    const { code, stdout } = await e2e.cli("tokens", "list", "--limit", "12", "--page-size", "5", "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(e2e.all.slice(0, 12));
  });

  it("sends each filter option as its query parameter", async () => {
    const args = ["--status", "ALLOWED", "--q", "a", "--last-active-at-search-type", "gt"];
    const moreArgs = ["--last-active-at-uom", "day", "--last-active-at-value", "30", "--sort", "-lastActiveAt"];
    const { code, stdout } = await e2e.cli("tokens", "list", "--all", ...args, ...moreArgs, "--format", "json");
    expect(code).toBe(0);
    const query = {
      status: "ALLOWED",
      q: "a",
      lastActiveAtSearchType: "gt",
      lastActiveAtUom: "day",
      lastActiveAtValue: 30,
      sort: "-lastActiveAt",
    } as const;
    const expected = await e2e.sdk.apiTokens.list(e2e.sb.orgId, query).toArray({ limit: 10_000 });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(e2e.all.length);
    expect(JSON.parse(stdout)).toEqual(expected);
    const sent = e2e.sb.requests.filter((r) => r.query.sort === "-lastActiveAt").map((r) => r.query);
    expect(sent[0]).toMatchObject({ status: "ALLOWED", q: "a", lastActiveAtValue: "30", lastActiveAtUom: "day" });
  });
});

describe.concurrent("tokens count", () => {
  it("prints the SDK's count as a bare number", async () => {
    const { code, stdout } = await e2e.cli("tokens", "count", "--status", "BLOCKED");
    expect(code).toBe(0);
    expect(stdout).toBe(`${await e2e.sdk.apiTokens.count(e2e.sb.orgId, { status: "BLOCKED" })}\n`);
  });

  it("prints { count } as JSON", async () => {
    const { stdout } = await e2e.cli("tokens", "count", "--format", "json");
    expect(JSON.parse(stdout)).toEqual({ count: e2e.all.length });
  });
});

// Last, so it sees the output of every run above.
describe("the API key", () => {
  it("appears in no output of any run in this file", () => {
    e2e.expectNoKeyLeak();
  });
});
