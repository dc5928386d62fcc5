import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/cli/format/csv.js";
import { renderJson } from "../../src/cli/format/json.js";
import { renderJsonl } from "../../src/cli/format/jsonl.js";
import { renderMarkdownTable } from "../../src/cli/format/md.js";
import { renderTable } from "../../src/cli/format/table.js";
import { REDACTED, redact } from "../../src/cli/redact.js";

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
