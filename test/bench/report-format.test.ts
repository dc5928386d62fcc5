import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../bench/lib/report.js";

// BENCHMARKS.md is written by `npm run bench` and checked by `npm run lint`: what the renderer writes must already be
// in the formatter's layout, or the committed report fails the lint.
describe("bench report", () => {
  it("is rendered exactly as the Markdown formatter lays it out", () => {
    const report = renderReport(
      {
        command: "npm run bench",
        mode: "full",
        date: "2026-01-01T00:00:00.000Z",
        durationS: 12.5,
        node: "v20.0.0",
        cpu: "Some CPU × 4",
        machine: "Linux 6.0, 8 GB RAM",
        versions: { "openapi-fetch": "0.17.0" },
        rounds: 7,
        warmupMs: 2000,
        load: [0.5, 0.75],
      },
      [
        {
          name: "overhead",
          measures: "µs per call",
          tables: [
            {
              title: "µs per call, median (min..max)",
              header: ["call", "facade", "a | b"],
              rows: [
                ["`apiTokens.count`", "126 (86.4..156)", "2.42"],
                ["x", "1", "a|b×"],
              ],
              reading: "A reading.",
            },
          ],
          verdicts: [
            { target: "count: facade / openapi-fetch <= 1.15", measured: "2.42", pass: false },
            { target: "exact", measured: "100", pass: true },
          ],
          notes: ["A note."],
        },
      ],
      [{ name: "size", error: "boom" }],
    );
    const formatted = execFileSync("npx", ["biome", "format", "--stdin-file-path=BENCHMARKS.md"], {
      input: report,
      encoding: "utf8",
    });
    expect(report).toContain("| `apiTokens.count` | 126 (86.4..156) | 2.42   |");
    expect(formatted).toBe(report);
  });
});
