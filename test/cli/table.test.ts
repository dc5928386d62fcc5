import { describe, expect, it } from "vitest";
import { palette } from "../../src/cli/color.js";
import { renderMarkdownTable } from "../../src/cli/format/md.js";
import { renderTable, tableChunks } from "../../src/cli/format/table.js";

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

  it("lays a grid out at its own widths when it has them (or its headers', if wider), without measuring rows", () => {
    const grid = { columns: ["name", "n"], rows: [["ab", "1"]], widths: [1, 3] };
    expect(renderTable(grid)).toBe(["name  n", "ab    1", ""].join("\n"));
  });

  it("blanks control characters so a label cannot drive the terminal", () => {
    const out = renderTable({ columns: ["label"], rows: [["a\u001b[2Jb\nc"]] });
    expect(out).toBe("label\na [2Jb c\n");
  });

  it("blanks bidirectional controls, so a label cannot show the rest of its row reversed", () => {
    const controls = [
      "\u202e",
      "\u202a",
      "\u202d",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200e",
      "\u200f",
      "\u061c",
    ];
    for (const control of controls) {
      const out = renderTable({ columns: ["label", "status"], rows: [[`x${control}y`, "BLOCKED"]] });
      expect(out).toBe("label  status\nx y    BLOCKED\n");
    }
    // Other format characters are text: a zero-width joiner inside an emoji sequence stays.
    expect(renderTable({ columns: ["l"], rows: [["\u{1f469}\u200d\u{1f4bb}"]] })).toBe("l\n\u{1f469}\u200d\u{1f4bb}\n");
  });

  it("blanks the same in a Markdown report", () => {
    expect(renderMarkdownTable({ columns: ["label"], rows: [["evil\u202eDELBANE"]] })).toContain("| evil DELBANE |");
  });

  it("blanks a cell's newline or escape among many clean rows, in any chunk", () => {
    const rows = Array.from({ length: 9 }, (_, i) => [`row${i}`, "ok"]);
    rows[4] = ["row4", "a\nb"];
    rows[7] = ["row7\u001b[2J", "ok"];
    const chunks = [...tableChunks({ columns: ["name", "note"], rows }, palette(false), { batch: 3 })];
    expect(chunks).toHaveLength(4);
    const lines = chunks.join("").split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[5]).toBe("row4      a b");
    expect(lines[8]).toBe("row7 [2J  ok");
  });

  it("drops trailing blanks, also those a blanked control character leaves", () => {
    const out = renderTable({
      columns: ["a", "b"],
      rows: [
        ["x", "y\u0001"],
        ["longer", ""],
      ],
    });
    expect(out).toBe("a       b\nx       y\nlonger\n");
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
