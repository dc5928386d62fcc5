import { describe, expect, it } from "vitest";
import { createAuditor, defaultAuditThresholds } from "../../src/cli/audit.js";
import { isSectionFormat, sectionChunks } from "../../src/cli/format/audit-report.js";
import { findingRowColumns, rowKeeper } from "../../src/cli/format/finding-row.js";
import { token } from "./token-fixture.js";

const now = new Date("2026-11-01T00:00:00Z");
// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters, but the report's own line breaks
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const bob = { id: "u2", name: "Bob", email: "bob@example.com" };

function audit(tokens: Parameters<typeof token>[0][]) {
  const auditor = createAuditor(now, defaultAuditThresholds, rowKeeper().keep);
  for (const t of tokens) auditor.add(token(t));
  return auditor.report();
}

describe("rowKeeper", () => {
  it("keeps a flagged token as the cells of its row: days, not times; never for an absent date", () => {
    const { keep } = rowKeeper();
    const t = token({ id: "t1", lastActiveAt: null, expiresAt: "2027-06-01T12:30:00.000Z" });
    expect(findingRowColumns).toEqual(["id", "label", "status", "userEmail", "lastActiveAt", "expiresAt"]);
    expect(keep(t, bob)).toEqual(["t1", "label-t1", "ALLOWED", "bob@example.com", "never", "2027-06-01"]);
    expect(keep(token({ id: "t2", expiresAt: null }), { id: "u3" })).toEqual([
      "t2",
      "label-t2",
      "ALLOWED",
      "",
      "2026-10-25",
      "never",
    ]);
  });
});

describe("rowKeeper's cells", () => {
  it("are kept as the server sent them; the table and Markdown reports print them blanked, in line", () => {
    const hostile = "\u001b[2J\r\n\u0007\u009b";
    const rows = rowKeeper();
    const auditor = createAuditor(now, defaultAuditThresholds, rows.keep);
    const t = token({
      id: `t${hostile}`,
      label: `l${hostile}`,
      status: `BLOCKED${hostile}`,
      lastActiveAt: null,
      expiresAt: `${hostile}2027-06-01T00:00:00Z`,
      user: { id: "u9", email: `e${hostile}@example.com` },
    });
    auditor.add(t);
    auditor.add(token({ id: "t2", status: "BLOCKED" }));
    const report = auditor.report();
    const [row] = report.findings.neverUsed;
    expect(row).toEqual([
      `t${hostile}`,
      `l${hostile}`,
      `BLOCKED${hostile}`,
      `e${hostile}@example.com`,
      "never",
      // Not a date-time's start, so shown whole: a day cut from other text could cut a secret to a part.
      `${hostile}2027-06-01T00:00:00Z`,
    ]);
    // The same text again is the same copy.
    expect(rows.keep(t, { id: "u9" })[1]).toBe(row?.[1]);

    const table = [...sectionChunks(report, "table", { widths: rows.widths })].join("");
    expect(table).not.toMatch(CONTROL_BUT_NEWLINE);
    const lines = table.split("\n");
    const never = lines.slice(lines.indexOf("Never used: 1") + 2, lines.indexOf("Never used: 1") + 4);
    expect(never).toEqual([
      "id         label      status           userEmail              lastActiveAt  expiresAt",
      "t [2J      l [2J      BLOCKED [2J      e [2J    @example.com  never          [2J    2027-06-01T00:00:00Z",
    ]);
    // Every finding table is laid out at the widths of the cells as kept: the blocked token's row lines up.
    const blocked = lines[lines.indexOf("Blocked: 1") + 3];
    expect(blocked?.indexOf("label-t2")).toBe(never[1]?.indexOf("l [2J"));
    expect(blocked?.indexOf("2027-06-01")).toBe(never[1]?.indexOf(" [2J    20"));

    const md = [...sectionChunks(report, "md")].join("");
    expect(md).not.toMatch(CONTROL_BUT_NEWLINE);
    expect(md).toContain(
      "| t \\[2J     | l \\[2J     | BLOCKED \\[2J     | e \\[2J    \\@example\\.com | never |  \\[2J    2027-06-01T00\\:00\\:00Z |",
    );
  });

  it("make a table report without a raw control character", () => {
    const hostile = "\u001b]0;pwned\u0007";
    const report = audit([
      { id: `x${hostile}`, status: `BLOCKED${hostile}`, lastActiveAt: null, user: { ...bob, email: `b${hostile}` } },
    ]);
    const text = [...sectionChunks(report, "table")].join("");
    expect(text).toContain(`x ]0;pwned `);
    expect(text).not.toMatch(CONTROL_BUT_NEWLINE);
  });
});

describe("sectionChunks", () => {
  const report = audit([
    { id: "clean" },
    { id: "never", lastActiveAt: null, user: bob },
    { id: "both", status: "BLOCKED", lastActiveAt: "2025-01-01T00:00:00Z", label: "ci\u001b[2J\ndeploy" },
  ]);

  it("writes the summary, the tokens behind each finding found, and counts per user, as aligned tables", () => {
    expect([...sectionChunks(report, "table")].join("")).toBe(
      [
        "API token audit (2026-11-01T00:00:00.000Z)",
        "",
        "check                             tokens",
        "Tokens audited                         3",
        "Users                                  2",
        "Not used for more than 90 days         1",
        "Never used                             1",
        "No expiry date                         0",
        "Expiring within 30 days                0",
        "Already expired                        0",
        "Blocked                                1",
        "Dates the audit cannot read            0",
        "Tokens with at least one finding       2",
        "",
        "Not used for more than 90 days: 1",
        "",
        "id    label          status   userEmail        lastActiveAt  expiresAt",
        "both  ci [2J deploy  BLOCKED  mia@example.com  2025-01-01    2027-06-01",
        "",
        "Never used: 1",
        "",
        "id     label        status   userEmail        lastActiveAt  expiresAt",
        "never  label-never  ALLOWED  bob@example.com  never         2027-06-01",
        "",
        "Blocked: 1",
        "",
        "id    label          status   userEmail        lastActiveAt  expiresAt",
        "both  ci [2J deploy  BLOCKED  mia@example.com  2025-01-01    2027-06-01",
        "",
        "Tokens per user",
        "",
        "userName     userEmail        userId  tokens  flagged",
        "Mia Krystof  mia@example.com  u1           2        1",
        "Bob          bob@example.com  u2           1        1",
        "",
      ].join("\n"),
    );
  });

  it("lays every finding table out at the keeper's widths when given them, measuring no rows", () => {
    const rows = rowKeeper();
    const auditor = createAuditor(now, defaultAuditThresholds, rows.keep);
    for (const t of [{ id: "clean" }, { id: "never", lastActiveAt: null, user: bob }, { id: "b", status: "BLOCKED" }])
      auditor.add(token(t));
    // The widest cell of each column over every flagged row: "never", "label-never", "BLOCKED", ...
    expect(rows.widths).toEqual([5, 11, 7, 15, 10, 10]);
    const text = [...sectionChunks(auditor.report(), "table", { widths: rows.widths })].join("");
    const section = (title: string) =>
      text
        .slice(text.indexOf(`${title}: 1\n`))
        .split("\n")
        .slice(2, 4);
    expect(section("Never used")).toEqual([
      "id     label        status   userEmail        lastActiveAt  expiresAt",
      "never  label-never  ALLOWED  bob@example.com  never         2027-06-01",
    ]);
    // Measured on its own rows, this table would be narrower: laid out at the widths, it lines up with the other.
    expect(section("Blocked")).toEqual([
      "id     label        status   userEmail        lastActiveAt  expiresAt",
      "b      label-b      BLOCKED  mia@example.com  2026-10-25    2027-06-01",
    ]);
  });

  it("writes the same sections as Markdown", () => {
    const md = [...sectionChunks(report, "md")].join("");
    expect(md).toMatch(/^## API token audit \(2026-11-01T00:00:00.000Z\)\n/);
    expect(md).toContain("## Never used: 1\n\n| id | label | status | userEmail | lastActiveAt | expiresAt |\n");
    expect(md).toContain("| never | label-never | ALLOWED | bob\\@example\\.com | never | 2027-06-01 |\n");
    expect(md).toContain("| Bob | bob\\@example\\.com | u2 | 1 | 1 |\n");
    expect(md).not.toContain("No expiry date:");
  });

  it("escapes what the API sends in every Markdown cell: a label, name, email or id cannot make a link or HTML", () => {
    const evil = "[x](https://evil.example) <img src=https://evil.example/p.png>";
    const mallory = { id: `u-${evil}`, name: `Mallory ${evil}`, email: `m@evil.example ${evil}` };
    const md = [
      ...sectionChunks(audit([{ id: `t-${evil}`, label: evil, status: "BLOCKED", user: mallory }]), "md"),
    ].join("");
    expect(md.match(/\\\[x\\\]\\\(https\\:\\\/\\\/evil\\\.example\\\)/g)).toHaveLength(6);
    // Nothing of what came in is left in a row where Markdown or HTML would act on it.
    const rows = md.split("\n").filter((line) => line.startsWith("|"));
    for (const row of rows) expect(row).not.toMatch(/(?<!\\)[[\]()<>]/);
  });

  it("writes a section of a large org a thousand rows at a time", () => {
    const many = audit(Array.from({ length: 2500 }, (_, i) => ({ id: `t${i}`, status: "BLOCKED" })));
    const chunks = [...sectionChunks(many, "table")];
    const rows = chunks.filter((c) => c.startsWith("t"));
    expect(rows.map((c) => c.split("\n").length - 1)).toEqual([1000, 1000, 500]);
  });
});

describe("isSectionFormat", () => {
  it("holds for table and md, whose report shows rows, not whole tokens", () => {
    const formats = ["table", "json", "jsonl", "csv", "md"] as const;
    expect(formats.filter(isSectionFormat)).toEqual(["table", "md"]);
  });
});
