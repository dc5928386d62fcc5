import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/cli/format/csv.js";
import { renderJson } from "../../src/cli/format/json.js";
import { renderJsonl } from "../../src/cli/format/jsonl.js";
import { renderMarkdownTable } from "../../src/cli/format/md.js";
import { renderTable, tableChunks } from "../../src/cli/format/table.js";
import { REDACTED, redact, redactCells } from "../../src/cli/redact.js";

// Printable ASCII with what each format escapes: JSON's `"` and `\`, CSV's `"`, Markdown's punctuation.
const KEY = 'ATC-LEAK"canary\\key!_[x]';
const label = `echo ${KEY} here`;
const grid = { columns: ["id", "label"], rows: [["t1", label]] };

describe("redact", () => {
  it.each([
    ["json", () => renderJson([{ id: "t1", label }])],
    ["jsonl", () => renderJsonl([{ id: "t1", label }])],
    ["csv", () => renderCsv(grid)],
    ["md", () => renderMarkdownTable(grid)],
    ["table", () => renderTable(grid)],
  ])("replaces the key as %s output writes it, leaving none of it", (_, render) => {
    const text = render();
    const out = redact(text, [KEY]);
    expect(out).toContain(REDACTED);
    // The label's text around the key survives, so only the key went.
    expect(out).toMatch(/echo .*\[REDACTED\].* here/);
    for (const piece of ["ATC-LEAK", "canary", "key!", "key\\!"]) expect(out).not.toContain(piece);
  });

  it("replaces a JSON-escaped key whole: no escape is left in front of the marker", () => {
    const key = '"starts-with-a-quote';
    expect(redact(JSON.stringify({ label: key }), [key])).toBe(`{"label":"${REDACTED}"}`);
    expect(redact(renderCsv({ columns: ["label"], rows: [[key]] }), [key])).toBe(`label\n"${REDACTED}"\n`);
  });

  it("replaces a key whose control characters the table blanks", () => {
    const key = "ATC\u001b[31mcanary-key";
    const out = redact(renderTable({ columns: ["label"], rows: [[key]] }), [key]);
    expect(out).toBe(`label\n${REDACTED}\n`);
  });
});

describe("a table given the secrets", () => {
  const wide = {
    columns: ["id", "label", "status"],
    rows: [
      ["t1", label, "ALLOWED"],
      ["t2", "plain", "BLOCKED"],
    ],
  };

  it("shows the marker in the cell, padded to the width measured with the key, so the columns stay aligned", () => {
    const lines = renderTable(wide, undefined, [KEY]).trimEnd().split("\n");
    expect(lines[1]).toMatch(new RegExp(`^t1  echo \\[REDACTED\\] here {${KEY.length - REDACTED.length + 2}}ALLOWED$`));
    const column = lines[0]?.indexOf("status");
    expect([lines[1]?.indexOf("ALLOWED"), lines[2]?.indexOf("BLOCKED")]).toEqual([column, column]);
    // Laid out without them and redacted after, the row holding the key shifts left of its header.
    const late = redact(renderTable(wide), [KEY]).split("\n");
    expect(late[1]?.indexOf("ALLOWED")).toBeLessThan(late[0]?.indexOf("status") ?? 0);
  });

  it("prints the same table as without them when no cell holds one", () => {
    expect(renderTable(wide, undefined, ["not-in-any-cell"])).toBe(renderTable(wide));
    // Too short to be a key: left alone, as the redactor leaves it.
    expect(renderTable(wide, undefined, ["t1"])).toBe(renderTable(wide));
  });

  it("hides the key in a batch after the first, and only in the row holding it", () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`t${i}`, i === 5 ? label : `label-${i}`, "ALLOWED"]);
    const chunks = [...tableChunks({ columns: wide.columns, rows }, undefined, { batch: 3, secrets: [KEY] })];
    expect(chunks).toHaveLength(4);
    expect(chunks.join("")).not.toContain("LEAK");
    const lines = chunks.join("").trimEnd().split("\n");
    expect(lines.filter((line) => line.includes(REDACTED))).toEqual([lines[6]]);
    expect(new Set(lines.slice(1).map((line) => line.indexOf("ALLOWED")))).toEqual(
      new Set([lines[0]?.indexOf("status")]),
    );
  });

  it("keeps numbers as numbers, right-aligned", () => {
    expect(redactCells([`x ${KEY}`, 12], [KEY])).toEqual([`x ${REDACTED}`, 12]);
  });
});
