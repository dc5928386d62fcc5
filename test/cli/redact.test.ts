import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/cli/format/csv.js";
import { renderJson } from "../../src/cli/format/json.js";
import { renderJsonl } from "../../src/cli/format/jsonl.js";
import { renderMarkdownTable } from "../../src/cli/format/md.js";
import { renderTable } from "../../src/cli/format/table.js";
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

describe("redactCells", () => {
  const wide = {
    columns: ["id", "label", "status"],
    rows: [
      ["t1", label, "ALLOWED"],
      ["t2", "plain", "BLOCKED"],
    ],
  };

  it("clears the key from a cell before the table is laid out, so the columns after it stay aligned", () => {
    const lines = renderTable(redactCells(wide, [KEY]))
      .trimEnd()
      .split("\n");
    expect(lines[1]).toBe(`t1  echo ${REDACTED} here  ALLOWED`);
    const column = lines[0]?.indexOf("status");
    expect([lines[1]?.indexOf("ALLOWED"), lines[2]?.indexOf("BLOCKED")]).toEqual([column, column]);
    // Laid out first and redacted after, the row holding the key shifts left of its header.
    const late = redact(renderTable(wide), [KEY]).split("\n");
    expect(late[1]?.indexOf("ALLOWED")).toBeLessThan(late[0]?.indexOf("status") ?? 0);
  });

  it("returns the grid itself when no cell holds a key, or the key is too short to be one", () => {
    expect(redactCells(wide, ["not-in-any-cell"])).toBe(wide);
    expect(redactCells(wide, [])).toBe(wide);
    expect(redactCells(wide, ["t1"])).toBe(wide);
  });

  it("measures the copy anew and leaves the grid it was given as it was", () => {
    const known = { ...wide, widths: [2, label.length, 7] };
    const copy = redactCells(known, [KEY]);
    expect(copy.widths).toBeUndefined();
    expect(copy.rows[1]).toBe(known.rows[1]);
    expect(known.rows[0]?.[1]).toBe(label);
  });

  it("keeps numbers as numbers, so they stay right-aligned", () => {
    const counts = {
      columns: ["name", "tokens"],
      rows: [
        [`x ${KEY}`, 12],
        ["y", 3],
      ],
    };
    expect(redactCells(counts, [KEY]).rows).toEqual([
      [`x ${REDACTED}`, 12],
      ["y", 3],
    ]);
  });
});
