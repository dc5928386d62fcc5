import { describe, expect, it } from "vitest";
import { palette } from "../../src/cli/color.js";
import { renderMarkdownTable } from "../../src/cli/format/md.js";
import { renderTable } from "../../src/cli/format/table.js";

describe("renderTable", () => {
  it("aligns text left and numbers right under a header", () => {
    const grid = {
      columns: ["user", "tokens"],
      rows: [
        ["mia@example.com", 12],
        ["bo", 3],
      ],
    };
    expect(renderTable(grid)).toBe(
      ["user             tokens", "mia@example.com      12", "bo                    3", ""].join("\n"),
    );
  });

  it("blanks control characters so a label cannot drive the terminal", () => {
    const out = renderTable({ columns: ["label"], rows: [["a\u001b[2Jb\nc"]] });
    expect(out).toBe("label\na [2Jb c\n");
  });

  it("makes the header bold only with colour on", () => {
    const grid = { columns: ["a"], rows: [["x"]] };
    expect(renderTable(grid, palette(true))).toBe("\u001b[1ma\u001b[22m\nx\n");
    expect(renderTable(grid, palette(false))).toBe("a\nx\n");
  });
});

describe("renderMarkdownTable", () => {
  it("escapes pipes so a label cannot add a column", () => {
    expect(renderMarkdownTable({ columns: ["label"], rows: [["a|b"]] })).toBe("| label |\n| --- |\n| a\\|b |\n");
  });
});
