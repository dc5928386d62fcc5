import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, renderCsv } from "../../src/cli/format/csv.js";

describe("neutraliseCell", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j with an apostrophe", (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(neutraliseCell("ci-deploy")).toBe("ci-deploy");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell(42)).toBe(42);
  });
});

describe("renderCsv", () => {
  const grid = {
    columns: ["id", "label", "count"],
    rows: [
      ["t1", 'comma, "quote"\nand newline', 3],
      ["t2", '=HYPERLINK("http://evil.example","click")', 0],
      ["t3", "", 7],
    ],
  };

  it("round-trips through csv-parse, formulas neutralised", () => {
    const parsed: string[][] = parse(renderCsv(grid));
    expect(parsed).toEqual([
      ["id", "label", "count"],
      ["t1", 'comma, "quote"\nand newline', "3"],
      ["t2", `'=HYPERLINK("http://evil.example","click")`, "0"],
      ["t3", "", "7"],
    ]);
  });

  // A reader that ends a record at any line break (CR, LF or CRLF), as some spreadsheets do, and so can read only
  // RFC 4180 CSV, whose fields holding one are quoted.
  const strict = (csv: string): string[][] => parse(csv, { record_delimiter: ["\r\n", "\n", "\r"] });

  it.each([
    ["a carriage return", "cr\rinside"],
    ["a line feed", "lf\ninside"],
    ["a CRLF", "crlf\r\ninside"],
    ["the delimiter", "comma,inside"],
    ["a quote", 'quote"inside'],
  ])("quotes a field holding %s", (_, label) => {
    const csv = renderCsv({ columns: ["id", "label"], rows: [["t1", label]] });
    expect(csv).toBe(`id,label\nt1,"${label.replaceAll('"', '""')}"\n`);
    expect(strict(csv)).toEqual([
      ["id", "label"],
      ["t1", label],
    ]);
  });

  it("writes only the header for no rows", () => {
    expect(renderCsv({ columns: ["a", "b"], rows: [] })).toBe("a,b\n");
  });
});
