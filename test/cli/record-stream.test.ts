import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/cli/format/csv.js";
import { renderJson } from "../../src/cli/format/json.js";
import { renderJsonl } from "../../src/cli/format/jsonl.js";
import type { Grid } from "../../src/cli/format/output-format.js";
import { createRecordStream, type StreamableFormat } from "../../src/cli/format/record-stream.js";

interface Row {
  id: string;
  note: string;
  tags: string[];
}
const rows: Row[] = [
  { id: "a", note: "=1+1", tags: [] },
  { id: "b", note: "line\nbreak", tags: ["x", "y"] },
  { id: "c", note: 'quote "q", comma', tags: ["z"] },
];
const grid = (items: readonly Row[]): Grid => ({
  columns: ["id", "note", "tags"],
  rows: items.map((r) => [r.id, r.note, r.tags.join(" ")]),
});

/** What the stream writes when fed these pages. */
async function streamed(format: StreamableFormat, pages: Row[][]): Promise<string> {
  let out = "";
  const stream = createRecordStream({ write: (text: string) => (out += text) }, format, grid);
  for (const page of pages) await stream.write(page);
  await stream.end();
  return out;
}

describe("createRecordStream", () => {
  const pagings: Row[][][] = [[rows], [rows.slice(0, 1), [], rows.slice(1)], [[], []], []];

  it.each(pagings.map((pages) => [pages.map((p) => p.length).join("+") || "no pages", pages] as const))(
    "writes what the one-shot renderers write, paged as %s",
    async (_, pages) => {
      const items = pages.flat();
      expect(await streamed("json", pages)).toBe(renderJson(items));
      expect(await streamed("jsonl", pages)).toBe(renderJsonl(items));
      expect(await streamed("csv", pages)).toBe(renderCsv(grid(items)));
    },
  );

  it.each(["json", "jsonl", "csv"] as const)("resolves a %s page only once the sink has taken it", async (format) => {
    let drain = () => {};
    const full = new Promise<void>((resolve) => {
      drain = resolve;
    });
    const stream = createRecordStream({ write: () => full }, format, grid);
    let written = false;
    const page = stream.write(rows).then(() => {
      written = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written).toBe(false);
    drain();
    await page;
    expect(written).toBe(true);
  });

  it("neutralises formulas in every CSV page, not only the first", async () => {
    expect(await streamed("csv", [rows.slice(1), rows.slice(0, 1)])).toContain("a,'=1+1,");
  });
});
