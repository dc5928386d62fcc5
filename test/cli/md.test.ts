import { describe, expect, it } from "vitest";
import { markdownCell, renderMarkdownTable } from "../../src/cli/format/md.js";

describe("markdownCell", () => {
  it("escapes a label's link and image so they render as the text they are", () => {
    expect(markdownCell("[x](https://evil) <img src=x onerror=alert(1)>")).toBe(
      "\\[x\\]\\(https\\:\\/\\/evil\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>",
    );
  });

  it("escapes every other character Markdown or GitHub reads: emphasis, code, autolinks, entities, columns", () => {
    expect(markdownCell("*a* _b_ `c` ~~d~~ www.evil.com &amp; a|b \\ !#+")).toBe(
      "\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ www\\.evil\\.com \\&amp\\; a\\|b \\\\ \\!\\#\\+",
    );
  });

  it("leaves letters, digits, hyphens and spaces alone, so ids and dates stay readable", () => {
    expect(markdownCell("4fdb44e4-5988-462a 2026-02-23")).toBe("4fdb44e4-5988-462a 2026-02-23");
    expect(markdownCell(42)).toBe("42");
  });

  it("blanks a newline, which would end the row", () => {
    expect(markdownCell("a\nb")).toBe("a b");
  });

  it("leaves no ASCII punctuation but the hyphen unescaped", () => {
    for (let code = 33; code < 127; code++) {
      const c = String.fromCharCode(code);
      if (/[A-Za-z0-9-]/.test(c)) continue;
      expect(markdownCell(`a${c}b`), c).toBe(`a\\${c}b`);
    }
  });
});

describe("renderMarkdownTable", () => {
  it("renders every cell escaped, one row per line", () => {
    const md = renderMarkdownTable({ columns: ["id", "label"], rows: [["t-1", "[x](https://evil)"]] });
    expect(md).toBe("| id | label |\n| --- | --- |\n| t-1 | \\[x\\]\\(https\\:\\/\\/evil\\) |\n");
  });
});
